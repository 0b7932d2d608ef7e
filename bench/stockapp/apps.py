from django.apps import AppConfig


class StockAppConfig(AppConfig):
    name = "bench.stockapp"
    label = "bench_stockapp"
    verbose_name = "Benchmark: stock search baseline"
    default_auto_field = "django.db.models.BigAutoField"
