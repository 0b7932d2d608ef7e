from django.core.management.base import BaseCommand

from resources.roles import ensure_roles


class Command(BaseCommand):
    help = "Create the network's role groups and grant their permissions (safe to run again)."

    def handle(self, *args, **options):
        groups = ensure_roles()
        for name, group in groups.items():
            self.stdout.write(f"{name}: {group.permissions.count()} model permissions")
