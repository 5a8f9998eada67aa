#!/usr/bin/env python3
"""Copy src/share/README-format.md into README.md's link-format section (headings one level
deeper), the form that share::spec's test `the_project_readme_carries_the_same_link_format`
checks. Run after editing the format: python3 scripts/sync-link-format.py"""
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
marker = "<!-- LINK-FORMAT: kept in sync with src/share/README-format.md -->\n"
readme = (root / "README.md").read_text()
fmt = (root / "src/share/README-format.md").read_text()
deeper = "".join(
    ("#" + l if l.startswith("#") and l[1:2] in ("#", " ") else l) + "\n"
    for l in fmt.splitlines()
).rstrip() + "\n"
head, rest = readme.split(marker, 1)
tail = rest.split("\n## ", 1)
after = "\n## " + tail[1] if len(tail) == 2 else ""
(root / "README.md").write_text(head + marker + deeper + after)
