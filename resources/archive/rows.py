"""A table's rows as JSON and back, the same on SQLite and PostgreSQL.

Each row is a dict of column (``field.attname``) to value, written the way Django's own serializers
write a field (``value_to_string`` unless the value is a plain number, date or string) and read
back with ``field.to_python``. Foreign keys are ids, since every row keeps its primary key; only
content types and permissions, which ``migrate`` numbers differently in each database, are written
by their natural keys.

Rows are written to the database with plain INSERTs: no ``save()``, no signals. That is the point:
a published release refuses ``save()``, pages would be indexed one by one, caches purged, e-mail
sent. Foreign keys are checked when the transaction commits (Django makes them deferred on SQLite
and PostgreSQL), so tables may be restored in any order, cycles included.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.encoding import is_protected_type

from . import ArchiveError


def columns(model):
    """The fields of ``model``'s own table (not those of the tables it inherits from)."""
    return list(model._meta.local_concrete_fields)


def _natural(field):
    """The model ``field`` points at if it is named by natural key, else None."""
    target = field.remote_field.model if field.is_relation else None
    return target if target in (ContentType, Permission) else None


class RowWriter:
    """Turns model instances into JSON-ready dicts."""

    def __init__(self):
        self.permissions = {
            pk: [codename, app_label, model]
            for pk, codename, app_label, model in Permission.objects.values_list(
                "pk", "codename", "content_type__app_label", "content_type__model"
            )
        }

    def row(self, obj, fields):
        data = {}
        for field in fields:
            target = _natural(field)
            if target is not None:
                value = getattr(obj, field.attname)
                if value is not None:
                    if target is ContentType:
                        value = list(ContentType.objects.get_for_id(value).natural_key())
                    else:
                        value = self.permissions[value]
                data[field.attname] = value
                continue
            value = field.value_from_object(obj)
            data[field.attname] = value if is_protected_type(value) else field.value_to_string(obj)
        return data


class RowReader:
    """Turns archived dicts into values for an INSERT."""

    def __init__(self):
        self.permissions = {
            (codename, app_label, model): pk
            for pk, codename, app_label, model in Permission.objects.values_list(
                "pk", "codename", "content_type__app_label", "content_type__model"
            )
        }

    def _natural_id(self, target, value, model):
        if target is ContentType:
            try:
                return ContentType.objects.get_by_natural_key(*value).pk
            except ContentType.DoesNotExist:
                raise ArchiveError(
                    f"The archive's {model._meta.label} rows name a kind of content ({'.'.join(value)}) this "
                    "version of the commons does not have."
                ) from None
        try:
            return self.permissions[tuple(value)]
        except KeyError:
            raise ArchiveError(
                f"The archive's {model._meta.label} rows name a permission ({'.'.join(value)}) this version "
                "of the commons does not have."
            ) from None

    def values(self, model, fields, data):
        values = []
        for field in fields:
            value = data[field.attname]
            target = _natural(field)
            if target is not None:
                value = None if value is None else self._natural_id(target, value, model)
            elif field.is_relation:
                value = field.target_field.to_python(value)
            else:
                value = field.to_python(value)
            values.append(field.get_db_prep_save(value, connection))
        return values


def insert(model, fields, rows):
    """INSERT ``rows`` (lists of database values, in the order of ``fields``) into ``model``'s table."""
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def delete_all(model):
    """Empty ``model``'s table with one DELETE (no signals, no cascades: every table that could point
    at these rows is emptied in the same transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
