#!/usr/bin/env python3
"""Writes a report as an OFD document (GB/T 33190-2016), laid out like a printed government document.

Usage: make_ofd.py REPORT.txt OUT.ofd

An independent writer that follows the standard, not fazhi's reader: it sets type the way a layout program does —
A4 pages with 28 mm side margins, the title centred in a large size and wrapped over several lines when long, the
source line centred, body paragraphs justified with a two-character first-line indent, headings (一、 and （一）)
flush with the indent in a larger size, the signature date right-aligned, a page number "- n -" centred at the foot
of each page. Every line is one TextObject whose TextCode gives each character's advance (DeltaX), as OFD producers
that convert from Word do. Package: OFD.xml (DocInfo with Title, Author, CreationDate) → Doc_0/Document.xml
(CommonData, Pages) → Doc_0/Pages/Page_N/Content.xml, fonts declared in Doc_0/PublicRes.xml (not embedded).

The input is the sample's text: the report body from its title line to the signature date line "2021226"
(the lines before the title are the saved web page's furniture, as in make_forms.sh).
Needs only the Python standard library.
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'http://www.ofdspec.org/2016'
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 28.0, 28.0, 37.0, 35.0
TEXT_W = PAGE_W - LEFT - RIGHT

TITLE, INFO, HEAD, BODY = 7.8, 3.7, 5.6, 5.6   # font sizes in mm (2号, 小4, 3号, 3号)
PITCH = {TITLE: 10.5, INFO: 6.0, HEAD: 9.8, BODY: 9.8}  # baseline to baseline


def advance(ch, size):
    """Width of a character: CJK and full-width forms are square, the rest half width."""
    return size if ord(ch) >= 0x2E80 else size * 0.5


def wrap(text, size, width, indent=0.0):
    """Splits text into lines no wider than width (the first one shortened by indent). Chinese breaks anywhere,
    except that closing punctuation may not start a line (it is pulled onto the line before)."""
    lines, cur, used, avail = [], '', 0.0, width - indent
    no_start = '，。、；：？！）》”’'
    for ch in text:
        w = advance(ch, size)
        if used + w > avail + 1e-6 and cur and ch not in no_start:
            lines.append(cur)
            cur, used, avail = '', 0.0, width
        cur += ch
        used += w
    if cur:
        lines.append(cur)
    return lines


class Writer:
    def __init__(self):
        self.pages = [[]]
        self.y = TOP
        self.next_id = 10

    def new_page(self):
        self.pages.append([])
        self.y = TOP

    def place(self, text, size, x, justify_to=None):
        """One line as a TextObject at the current y; justify_to stretches it to that width."""
        pitch = PITCH[size]
        if self.y + pitch > PAGE_H - BOTTOM:
            self.new_page()
        self.y += pitch
        widths = [advance(c, size) for c in text]
        if justify_to and len(text) > 1:
            extra = (justify_to - sum(widths)) / (len(text) - 1)
            if extra > 0:
                widths = [w + extra for w in widths[:-1]] + [widths[-1]]
        total = sum(widths)
        self.next_id += 1
        delta = ' '.join('%.3f' % w for w in widths[:-1])
        delta_attr = ' DeltaX="%s"' % delta if delta else ''
        self.pages[-1].append(
            '<ofd:TextObject ID="%d" Boundary="%.3f %.3f %.3f %.3f" Font="3" Size="%.3f">'
            '<ofd:FillColor Value="0 0 0"/>'
            '<ofd:TextCode X="0" Y="%.3f"%s>%s</ofd:TextCode></ofd:TextObject>'
            % (self.next_id, x, self.y - size, total + 1.0, size * 1.3, size, size, delta_attr, escape(text)))

    def paragraph(self, text, size, indent_chars=2, justify=True):
        indent = indent_chars * size
        lines = wrap(text, size, TEXT_W, indent)
        for k, line in enumerate(lines):
            x = LEFT + (indent if k == 0 else 0.0)
            last = k == len(lines) - 1
            self.place(line, size, x, justify_to=None if (last or not justify) else TEXT_W - (x - LEFT))

    def centred(self, text, size):
        for line in wrap(text, size, TEXT_W):
            w = sum(advance(c, size) for c in line)
            self.place(line, size, LEFT + (TEXT_W - w) / 2)

    def right(self, text, size):
        w = sum(advance(c, size) for c in text)
        self.place(text, size, PAGE_W - RIGHT - w)

    def gap(self, mm):
        self.y += mm

    def content(self, k):
        num = '- %d -' % (k + 1)
        w = sum(advance(c, INFO) for c in num)
        self.next_id += 1
        foot = ('<ofd:TextObject ID="%d" Boundary="%.3f %.3f %.3f %.3f" Font="3" Size="%.3f">'
                '<ofd:TextCode X="0" Y="%.3f">%s</ofd:TextCode></ofd:TextObject>'
                % (self.next_id, (PAGE_W - w) / 2, PAGE_H - 20.0, w + 1, INFO * 1.3, INFO, INFO, escape(num)))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="%s"><ofd:Content>'
                '<ofd:Layer ID="%d" Type="Body">%s%s</ofd:Layer></ofd:Content></ofd:Page>'
                % (NS, 2, ''.join(self.pages[k]), foot))


def main():
    src, out = sys.argv[1], sys.argv[2]
    lines = [l.strip() for l in open(src, encoding='utf-8') if l.strip()]
    title_i = next(i for i, l in enumerate(lines) if l.startswith('天津市红桥区人民政府关于'))
    end_i = lines.index('2021226')
    title, info, body = lines[title_i], lines[title_i + 1], lines[title_i + 2:end_i + 1]
    top = re.compile(r'^[一二三四五六七八九十]+、')
    sub = re.compile(r'^[(（][一二三四五六七八九十]+[)）]')

    w = Writer()
    w.centred(title, TITLE)
    w.gap(2.0)
    w.centred(info, INFO)
    w.gap(4.0)
    for l in body:
        if l == '2021226':
            w.gap(6.0)
            w.right(l, BODY)
        elif top.match(l) or sub.match(l):
            w.paragraph(l, HEAD, justify=False)
        else:
            w.paragraph(l, BODY)

    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as archive:
        class Fixed:  # fixed timestamps: the same text gives the same bytes
            @staticmethod
            def writestr(name, data):
                info = zipfile.ZipInfo(name, date_time=(2021, 2, 26, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        z = Fixed
        z.writestr('OFD.xml',
                   '<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<ofd:OFD xmlns:ofd="%s" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
                   '<ofd:DocID>6f1d0c5e2b7a4c1d9e8f0a1b2c3d4e5f</ofd:DocID><ofd:Title>%s</ofd:Title>'
                   '<ofd:Author>红桥区司法局</ofd:Author><ofd:CreationDate>2021-02-26</ofd:CreationDate>'
                   '<ofd:Creator>make_ofd.py</ofd:Creator></ofd:DocInfo>'
                   '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' % (NS, escape(title)))
        pages = ''.join('<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/Content.xml"/>' % (100 + k, k)
                        for k in range(len(w.pages)))
        z.writestr('Doc_0/Document.xml',
                   '<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<ofd:Document xmlns:ofd="%s"><ofd:CommonData><ofd:MaxUnitID>%d</ofd:MaxUnitID>'
                   '<ofd:PageArea><ofd:PhysicalBox>0 0 %g %g</ofd:PhysicalBox></ofd:PageArea>'
                   '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                   '<ofd:Pages>%s</ofd:Pages></ofd:Document>' % (NS, w.next_id + 1, PAGE_W, PAGE_H, pages))
        z.writestr('Doc_0/PublicRes.xml',
                   '<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<ofd:Res xmlns:ofd="%s" BaseLoc="Res"><ofd:Fonts>'
                   '<ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>' % NS)
        for k in range(len(w.pages)):
            z.writestr('Doc_0/Pages/Page_%d/Content.xml' % k, w.content(k))


if __name__ == '__main__':
    main()
