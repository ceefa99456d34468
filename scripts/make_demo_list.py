"""Cut a small list from the real UN consolidated XML, in the same format.

By default: every Al-Qaida/ISIL individual (most of the list's Arabic-script names) and the
first 30 Al-Qaida entities, written to hajiz/data/demo_un_sc.xml. `--refs` picks records by
REFERENCE_NUMBER instead (used to cut the test fixtures).

    python scripts/make_demo_list.py
    python scripts/make_demo_list.py --refs QDi.299,QDe.137 --out tests/fixtures/un_sc_small.xml
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

from defusedxml import ElementTree as SafeET

from hajiz.settings import Settings

XSI = "http://www.w3.org/2001/XMLSchema-instance"
SECTIONS = (("INDIVIDUALS", "INDIVIDUAL"), ("ENTITIES", "ENTITY"))


def _program(record: ET.Element) -> str:
    return (record.findtext("UN_LIST_TYPE") or "").strip()


def _reference(record: ET.Element) -> str:
    return (record.findtext("REFERENCE_NUMBER") or "").strip()


def cut(source: Path, refs: set[str] | None, program: str, entities: int) -> ET.Element:
    """A new CONSOLIDATED_LIST with the root's attributes and the chosen records."""
    root = SafeET.parse(source).getroot()
    out = ET.Element(root.tag, dict(root.attrib))
    out.text = "\n  "
    for section_tag, tag in SECTIONS:
        section = root.find(section_tag)
        records = list(section.findall(tag)) if section is not None else []
        if refs is not None:
            chosen = [r for r in records if _reference(r) in refs]
        elif tag == "INDIVIDUAL":
            chosen = [r for r in records if _program(r) == program]
        else:
            chosen = [r for r in records if _program(r) == program][:entities]
        new_section = ET.SubElement(out, section_tag)
        new_section.text = "\n    "
        new_section.tail = "\n  " if section_tag == "INDIVIDUALS" else "\n"
        for record in chosen:
            new_section.append(copy.deepcopy(record))
        if len(new_section):
            new_section[-1].tail = "\n  "
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the cut list and say how many records it holds."""
    default_source = Settings().real_data_dir / "un_sc_consolidated" / "consolidated.xml"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=default_source)
    parser.add_argument("--out", type=Path, default=Path("hajiz/data/demo_un_sc.xml"))
    parser.add_argument("--refs", help="comma-separated REFERENCE_NUMBERs to keep")
    parser.add_argument("--program", default="Al-Qaida", help="UN_LIST_TYPE to keep")
    parser.add_argument("--entities", type=int, default=30, help="how many entities to keep")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"UN consolidated list not found at {args.source}", file=sys.stderr)
        return 1
    refs = {r.strip() for r in args.refs.split(",") if r.strip()} if args.refs else None
    out = cut(args.source, refs, args.program, args.entities)
    ET.register_namespace("xsi", XSI)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(out).write(args.out, encoding="UTF-8", xml_declaration=True)
    with args.out.open("ab") as handle:
        handle.write(b"\n")
    counts = {tag: len(out.findall(f"{section}/{tag}")) for section, tag in SECTIONS}
    print(f"wrote {args.out}: {counts['INDIVIDUAL']} individuals, {counts['ENTITY']} entities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
