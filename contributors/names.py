"""People's names as the network writes them: an optional honorific, given names, then the family
name ("Dr Samuel Okafor"). Citations name people by family and given names, and the people list is
sorted by family name, neither with the honorific ("Okafor, Samuel", filed under O, not D)."""

# Compared without a trailing dot and in lower case: "Dr", "Dr.", "prof." all match.
HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"})


def without_honorific(display_name):
    """"Dr Samuel Okafor" -> "Samuel Okafor". A name that is only an honorific is kept as it is."""
    words = display_name.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def split_name(display_name):
    """"Dr Samuel Okafor" -> ("Okafor", "Samuel"); a one-word name -> ("Name", "")."""
    given, _, family = without_honorific(display_name).rpartition(" ")
    return family, given


def sort_key(display_name):
    """Family name, then given names, ignoring case."""
    family, given = split_name(display_name)
    return family.casefold(), given.casefold()


def index_letter(display_name):
    """The letter of the people list a name is filed under: its family name's first letter ("#" for
    a name that does not start with a letter)."""
    family, _ = split_name(display_name)
    first = family[:1].upper()
    return first if first.isalpha() else "#"
