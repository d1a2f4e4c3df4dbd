#!/usr/bin/env python3
"""The hostile and huge inputs of issue 17, written into a folder, for scripts/measure-bounds.sh.

    python3 scripts/bound-inputs.py OUT_DIR

Each file is one row of the issue's table: Word documents with 20,000 and 100,000 numbering
definitions, a Word document whose XML holds 60 MB of nodes, a million lines of one label, of part
headings and of table rows (over the 20 MB limit, so also cut to 19 MB), 10 MB of digits, a real report (seed 004) repeated to 19 MB, as text
and as a saved web page. The 1 GB of standard input is made by the measuring script itself.
"""

import os
import sys
import zipfile

MB = 1024 * 1024
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "crates", "nianbao", "tests", "fixtures", "seeds")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def docx(path, body, numbering=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        if numbering is not None:
            z.writestr(
                "word/numbering.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">{numbering}</w:numbering>',
            )


def numbered(n):
    """n lists, each its own abstract definition, each numbering one heading (as tests/deep.rs)."""
    definitions = "".join(
        f'<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        for i in range(n)
    )
    lists = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="{i}"/></w:num>' for i in range(n))
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:numId w:val="{i}"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>'
        for i in range(n)
    )
    return body, definitions + lists


def repeated(unit, size):
    data = (unit * (size // len(unit.encode()) + 1)).encode()[:size]
    return data.decode("utf-8", "ignore").encode()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    put = lambda name, data: open(os.path.join(out, name), "wb").write(data)
    for n in (20_000, 100_000):
        docx(os.path.join(out, f"numbering-{n}.docx"), *numbered(n))
    # Paragraphs of one character: 60 MB of elements (the reader's inflate limit is 64 MB).
    unit = "<w:p><w:r><w:t>字</w:t></w:r></w:p>"
    docx(os.path.join(out, "nodes-60MB.docx"), unit * (60 * MB // len(unit.encode())))
    put("label-lines.txt", "（七）总计\n".encode() * 1_000_000)
    headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    put("heading-lines.txt", "".join(headings[i % 6] + "\n" for i in range(1_000_000)).encode())
    row = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
    put("row-lines.txt", row.encode() * 1_000_000)
    # A million heading or row lines is over the 20 MB limit and refused; as many as fit are checked.
    for name in ("heading-lines", "row-lines"):
        data = open(os.path.join(out, f"{name}.txt"), "rb").read(19 * MB)
        put(f"{name}-19MB.txt", data[: data.rfind(b"\n") + 1])
    put("digits-10MB.txt", b"7" * (10 * MB))
    seed = next(f for f in sorted(os.listdir(SEEDS)) if f.startswith("004_"))
    report = open(os.path.join(SEEDS, seed), encoding="utf-8").read()
    put("report-19MB.txt", repeated(report, 19 * MB))
    paragraphs = "".join(f"<p>{line}</p>\n" for line in report.split("\n"))
    page = repeated(paragraphs, 19 * MB - 200).decode()
    page = page[: page.rfind("\n") + 1]
    put("report-19MB.htm", f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n{page}</body></html>\n'.encode())
    # The page wrapped in a one-cell table for its layout, as many sites wrap their articles: alone,
    # and with a table of figures after each copy of the report (which tells the wrapper is layout).
    put("report-19MB-in-layout.htm", f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n<table><tr><td>{page}</td></tr></table></body></html>\n'.encode())
    figures = "".join(f"<tr><td>（{i}）其他</td><td>0</td><td>1</td></tr>" for i in range(20))
    unit = f"{paragraphs}<table>{figures}</table>\n"
    page = repeated(unit, 19 * MB - 300).decode()
    page = page[: page.rfind("\n") + 1]
    put("report-19MB-in-layout-with-tables.htm", f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n<table><tr><td>{page}</td></tr></table></body></html>\n'.encode())


if __name__ == "__main__":
    main()
