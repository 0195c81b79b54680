"""Reports as data: each command's table, summaries and notes as codes, computed once for every format."""
