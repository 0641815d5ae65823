#!/usr/bin/python3
"""Saves a document through LibreOffice (UNO), optionally with a password to open: the way an office user makes a
password-protected .doc or a spreadsheet. Used by make_forms.sh for fixtures; needs Debian's python3-uno and
libreoffice-writer-nogui / libreoffice-calc-nogui.

Usage: lo_save.py IN OUT FILTER [PASSWORD]     e.g. lo_save.py hongqiao.docx encrypted.doc "MS Word 97" secret
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    src, dst, filt = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    password = sys.argv[4] if len(sys.argv) > 4 else None
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    pipe = 'fazhi_fixture_%d' % os.getpid()
    office = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore',
                               '-env:UserInstallation=file://' + profile, '--accept=pipe,name=%s;urp;' % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(120):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.25)
        else:
            sys.exit('LibreOffice did not start')
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (prop('Hidden', True),))
        args = [prop('FilterName', filt)]
        if password:
            args.append(prop('Password', password))
        doc.storeToURL(uno.systemPathToFileUrl(dst), tuple(args))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == '__main__':
    main()
