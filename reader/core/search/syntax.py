"""The query language in a few lines, as the command line's help and the interface's help show it."""

SYNTAX = """\
query syntax (reader search, and / in the interface):
  talks                 words, stemmed (finds talk, talked)
  "root causes"         a phrase
  a AND b, a OR b       boolean operators (AND is implied between words)
  NOT a, -a             exclude
  title:ceasefire       fields: title, outlet, author, entity, agency, published
  zaporizhya~           fuzzy (typos and transliterations)
  zelen*                prefix
  published:2025-07     a month; also published:[2025-03 to 2025-07]
"""
