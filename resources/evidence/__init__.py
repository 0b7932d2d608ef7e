"""Evidence that a change worked: measures' data series, their run and control charts, and who
uses a change (issue 14; docs/evidence.md)."""
