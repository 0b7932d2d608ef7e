"""Resource page models and the snippets they refer to. Import from here."""

from .adoption import Adoption, AdoptionOutcome
from .base import CareSetting, CentreSize, ContributorRole, ResourceContributor, ResourcePage, ResourceTag
from .change_packages import ChangePackagePage, DesiredDirection, Measure, MeasureKind
from .collections import CollectionItem, CollectionPage
from .evidence import ChartKind, Series, SeriesAnnotation, SeriesKind, SeriesPoint, Visibility
from .files import FileText
from .harvest import HarvestKind, HarvestRecord, HarvestRecordSet
from .imports import ImportedResource
from .licences import Licence
from .protocols import Citation, ProtocolPage, ProtocolReminder, ReminderKind
from .releases import Release, ReleaseFile, ReleaseLocked
from .reuse import ReuseRequest, ReuseScope, ReuseStatus, grant_for
from .review import ReviewTask, ScreeningTask, ScreeningTaskState
from .site_pages import HomePage, LibraryPage, resource_cards
from .tools import TimeToAdopt, ToolPage
from .typed_review import Decision, ReviewType, TypedReviewDecision, TypedReviewTask
from .usage import UsageCount, UsageKind
from .vocabularies import Audience, Condition, ImprovementPhase, ResourceType

__all__ = [
    "Adoption", "AdoptionOutcome", "Audience", "CareSetting", "CentreSize", "ChangePackagePage", "ChartKind",
    "Citation", "CollectionItem", "CollectionPage", "Condition", "ContributorRole", "Decision", "DesiredDirection",
    "FileText", "HarvestKind", "HarvestRecord", "HarvestRecordSet", "HomePage", "ImportedResource",
    "ImprovementPhase", "LibraryPage", "Licence", "Measure", "MeasureKind", "ProtocolPage", "ProtocolReminder",
    "Release", "ReleaseFile", "ReleaseLocked", "ReminderKind", "ResourceContributor", "ResourcePage", "ResourceTag",
    "ResourceType", "ReuseRequest", "ReuseScope", "ReuseStatus", "ReviewTask", "ReviewType", "ScreeningTask",
    "ScreeningTaskState", "Series", "SeriesAnnotation", "SeriesKind", "SeriesPoint", "TimeToAdopt", "ToolPage",
    "TypedReviewDecision", "TypedReviewTask", "UsageCount", "UsageKind", "Visibility", "grant_for",
    "resource_cards",
]
