# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Analysing a cohort of *Ledarskap i kommuner*
#
# From the example program to flat tables, a cohort summary, a pseudonymised and
# k-anonymous export to share outside the office, and two figures. Open it as a notebook
# with jupytext (`jupytext --to notebook examples/analysis.py`), or run it as a script:
#
#     python examples/analysis.py [PROGRAM_FILE]
#
# It needs the extras `pandas` and `plot` (`pip install 'ledarskap[pandas,plot]'`). What it
# writes goes to the folder `analysis-output/` beside where it runs.

# %%
import sys
from pathlib import Path

import ledarskap
from ledarskap import plots
from ledarskap.tables import PseudonymKey, cohort_summary, program_tables, safe_tables

OUT = Path("analysis-output")
OUT.mkdir(exist_ok=True)

# %% [markdown]
# ## The program
#
# The example program ships with the library: one fictional cohort of nineteen real
# municipalities. Give a program file of your own on the command line to analyse it instead.

# %%
arguments = [a for a in sys.argv[1:] if not a.startswith("-")]
data = ledarskap.load(arguments[0]) if arguments else ledarskap.example_program()
if not data.cohorts:
    sys.exit(f"{arguments[0]}: the program has no cohort to analyse")
cohort = data.cohorts[0]  # the first; name another by its id to look at it instead
report = ledarskap.validate(data)
print(f"{cohort.name}: {len(data.participants_of(cohort.id))} participants; valid: {report.ok}")

# %% [markdown]
# ## Tables
#
# One call gives the program as flat tables; with pandas, as DataFrames with categories
# for municipality, county, position and the kinds and statuses (an empty group still
# counts 0), dates as dates and nullable integers.

# %%
tables = program_tables(data)
frames = tables.frames()
participants = frames["participants"]
print(participants.dtypes.to_string())
print(participants.groupby("county", observed=False).size().sort_values(ascending=False).head())

# %% [markdown]
# The cohort's summary counts what the figures below draw: composition, mentor loads,
# meetings held against planned, and the eligibility outcomes with their reasons.

# %%
summary = cohort_summary(data, cohort.id)
print(summary.render("en"))

# %% [markdown]
# ## A safe export
#
# People become keyed pseudonyms (keep the key: the same key gives the same pseudonyms in
# next year's export; never share it), names, e-mail addresses and personnummer are
# dropped, and the quasi-identifiers are coarsened until every group has at least *k*
# people. The report says what was coarsened and what had to be left out.

# %%
key_file = OUT / "pseudonym.key"
if not key_file.exists():
    key_file.touch(mode=0o600)  # readable by you alone, before the key is in it
    key_file.write_bytes(bytes(PseudonymKey.generate()))
export = safe_tables(data, PseudonymKey.from_file(key_file), k=5)
print(export.report.render("en"))
safe = export.tables.frames()["participants"]
print(safe.head().to_string())

# %% [markdown]
# ## Two figures
#
# The participants by county, drawn from the safe export (so the figure shows no more than
# the export does), and the mentoring meeting timeline of the cohort, pairs numbered.
# Each function returns a matplotlib `Figure` (a notebook shows it as it is); `save`
# writes PNG or SVG by the file's suffix.

# %%
by_county = plots.participants_by_county(export.tables, cohort.id, language="en")
plots.save(by_county, OUT / "participants-by-county.png")
timeline = plots.meeting_timeline(data, cohort.id, language="en")
plots.save(timeline, OUT / "meeting-timeline.svg")
print(sorted(path.name for path in OUT.iterdir()))

# %%
by_county  # noqa: B018  # a notebook shows the figure of a cell's last line
