"""StreamField blocks shared by every resource's body, protocol steps and how-to-use steps."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text stays small on purpose: structure comes from blocks, not from pasted formatting.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        form_classname = "title"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        help_text="Describe the image for people who cannot see it.", max_length=250
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Link text; the document's own title if blank.")

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("tip", "Tip"), ("warning", "Warning")], default="info"
    )
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock()

    class Meta:
        icon = "help"
        template = "blocks/callout.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    text = blocks.TextBlock(required=False)

    class Meta:
        icon = "list-ol"


class StepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(StepBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        template = "blocks/steps.html"


class ResourceTableBlock(TableBlock):
    class Meta:
        icon = "table"
        template = "blocks/table.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow", template="blocks/paragraph.html")
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    table = ResourceTableBlock()
    embed = EmbedBlock(icon="media", template="blocks/embed.html")


class ChangeIdeaBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    description = blocks.TextBlock(required=False)
    tool = blocks.PageChooserBlock(
        page_type="resources.ToolPage", required=False, help_text="A tool that puts this idea into practice."
    )
    # By name: a package's measures are rows of the package itself, with no chooser a block could
    # use; ChangePackagePage.clean() checks that each name is one of the package's measures.
    measures = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label="Measure"),
        default=[],
        help_text="The package's measures this idea is meant to move, by their names under Measures.",
    )

    class Meta:
        icon = "pick"


class SecondaryDriverBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    change_ideas = blocks.ListBlock(ChangeIdeaBlock())

    class Meta:
        icon = "arrow-right"


class PrimaryDriverBlock(blocks.StructBlock):
    """One branch of a key driver diagram: primary driver → secondary drivers → change ideas."""

    title = blocks.CharBlock(max_length=200)
    description = blocks.TextBlock(required=False)
    secondary_drivers = blocks.ListBlock(SecondaryDriverBlock())

    class Meta:
        icon = "site"
