"""The domain: vocabularies, dates, the typed records, the dataset and the status engine; no I/O, no words."""
