"""Questions about a dataset: selections, lookups with suggestions, and filters that must fit what was named."""
