"""One repository per aggregate; each returns domain values, never ORM rows."""
