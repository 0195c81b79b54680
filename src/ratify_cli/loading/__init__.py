"""Loading a data folder: models, strict and fast YAML readers, rules, findings, the cache and the pipeline."""
