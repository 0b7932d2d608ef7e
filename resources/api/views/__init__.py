"""The API's views: ``resources`` (the searchable list and a resource), ``releases`` (releases and
collections), ``directory`` (people, organisations, licences, vocabularies and the API's root)."""
