import sys
import time

from django.core.management.base import BaseCommand

from search import registry, service
from search.engines.base import EngineUnavailable


class Command(BaseCommand):
    help = "Search index lifecycle: `rebuild` (new index, bulk load, swap, drop the old) or `status`."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, action, quiet=False, **options):
        if action == "status":
            for engine in service.engines_to_write():
                try:
                    status = engine.status()
                except EngineUnavailable as exc:
                    status = {"engine": engine.name, "error": str(exc)}
                self.stdout.write(", ".join(f"{key}: {value}" for key, value in status.items()))
            return

        for engine in service.engines_to_write():
            started = time.monotonic()
            total, documents = registry.source().all_documents()
            progress = None if quiet else self.progress_bar(engine.name, total)
            count = engine.rebuild(documents, progress=progress)
            if progress:
                self.stdout.write("")
            elapsed = time.monotonic() - started
            service.index_changed()
            self.stdout.write(f"{engine.name}: indexed {count} documents in {elapsed:.1f} s")

    def progress_bar(self, name, total):
        width = 30
        interactive = sys.stdout.isatty()

        def show(done):
            if interactive or done == total or done % 100 == 0:
                filled = width * done // max(total, 1)
                self.stdout.write(
                    f"\r{name}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
                )
                self.stdout.flush()

        return show
