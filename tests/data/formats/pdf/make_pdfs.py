#!/usr/bin/env python3
"""Writes the small PDF files used by the tests (run from this folder).

Each PDF is built by hand: one Helvetica font with WinAnsiEncoding, one
content stream per page, an Info dictionary and a correct xref table.
"""


def pdf(pages, info=None):
    objects = []  # bodies, numbered from 1

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    pages_num = len(objects) + 1 + 2 * len(pages)
    kids = []
    for content in pages:
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content +
                     b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_num, font, stream)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_num
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_num)
    info_num = add(b"<< " + b" ".join(b"/%s (%s)" % (k, v) for k, v in info.items()) +
                   b" >>") if info else None
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_num:
        trailer += b" /Info %d 0 R" % info_num
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def text_page(lines):
    ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
    for line in lines:
        ops.append(b"(" + line.encode("cp1252") + b") '")
    ops.append(b"ET")
    return b"\n".join(ops)


with open("report.pdf", "wb") as f:
    f.write(pdf([text_page(["Harbour tonnage report",
                            "Quarterly tonnage through the harbour rose by nine percent.",
                            "Dredging of the eastern channel finished in March."]),
                 text_page(["Second page: the pilots' union agreed a new roster."])],
                {b"Title": b"Harbour Tonnage Report 2023", b"Author": b"Port Statistics Office",
                 b"CreationDate": b"D:20230714120000Z"}))

with open("latin1.pdf", "wb") as f:
    f.write(pdf([text_page(["Caf\u00e9 cr\u00e8me et na\u00efvet\u00e9 au march\u00e9"])]))

with open("scan.pdf", "wb") as f:
    f.write(pdf([b"0.5 g 72 72 468 648 re f"], {b"Title": b"Scanned letter"}))

with open("damaged.pdf", "wb") as f:
    f.write(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\ngarbage without end")
