#!/usr/bin/python3
"""Layout test in headless Chromium: the sample's HTML gap report and a batch index.html must not scroll sideways
at 420 px and 1,400 px (document.documentElement.scrollWidth <= window.innerWidth).

Usage: tests/browser/no_overflow.py --fazhi build/fazhi [--screenshots docs/images]
Run by ctest (tests/CMakeLists.txt, test `browser_no_overflow`) and scripts/test. Needs chromium, chromium-driver,
python3-selenium and fonts-noto-cjk (scripts/setup installs them); without them it fails with a message naming them.
Bounded: every page load has a 30 s limit and the whole run an alarm of 150 s.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile

WIDTHS = (420, 1400)
HEIGHT = 900
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join("reports", "samples", "hongqiao-2020.txt")
MISSING = ("headless Chromium 不可用：{}。请安装 chromium chromium-driver python3-selenium fonts-noto-cjk"
           "（scripts/setup 会安装）")


def fail(message):
    print("browser_no_overflow: " + message, file=sys.stderr)
    sys.exit(1)


def run_fazhi(fazhi, args):
    env = dict(os.environ, FAZHI_RULES=os.environ.get("FAZHI_RULES", os.path.join(ROOT, "rules")))
    r = subprocess.run([fazhi] + args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    if r.returncode not in (0, 1, 2):  # 1: a gate; 2: a batch with an unreadable input (still written)
        fail("fazhi {} exited {}: {}".format(" ".join(args), r.returncode, r.stderr[-2000:]))
    return r


def pages(fazhi, tmp, with_shared):
    """The two pages: the sample's report and the index.html of a small batch (the sample, a copy of it in
    another encoding — a duplicate —, an unreadable file, and the real reports of ../shared when present and
    `with_shared`: screenshots for docs/ never show the shared reports)."""
    report = os.path.join(tmp, "report.html")
    run_fazhi(fazhi, ["check", "-q", "--format", "html", "--output", report, SAMPLE])
    inputs = os.path.join(tmp, "inputs")
    os.makedirs(inputs)
    with open(os.path.join(ROOT, SAMPLE), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(inputs, "红桥区-2020.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(inputs, "红桥区-2020-gbk.txt"), "w", encoding="gb18030") as f:
        f.write(text)
    with open(os.path.join(inputs, "损坏的文件.docx"), "wb") as f:
        f.write(b"PK\x03\x04 not a zip")
    args = ["check", "-q", "--format", "html", "--output", os.path.join(tmp, "batch"), inputs]
    real = os.path.join(os.environ.get("FAZHI_SHARED", os.path.join(os.path.dirname(ROOT), "shared")), "corpus", "real")
    if with_shared and os.path.isdir(real):
        args.append(real)
    run_fazhi(fazhi, args)
    index = os.path.join(tmp, "batch", "index.html")
    if not os.path.exists(report) or not os.path.exists(index):
        fail("fazhi did not write {} and {}".format(report, index))
    return [("html-report", report), ("batch-index", index)]


def driver_or_fail():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not browser:
        fail(MISSING.format("找不到 chromium"))
    if not os.path.exists(driver_path):
        fail(MISSING.format("找不到 chromedriver"))
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as e:
        fail(MISSING.format("无法导入 selenium（{}）".format(e)))
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--no-first-run", "--disable-background-networking", "--force-device-scale-factor=1",
                 "--window-size={},{}".format(max(WIDTHS), HEIGHT)):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except Exception as e:  # selenium's own exceptions vary by version
        fail(MISSING.format("chromium 启动失败（{}）".format(str(e).splitlines()[0] if str(e) else e)))
    driver.set_page_load_timeout(30)
    return driver


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fazhi", required=True)
    parser.add_argument("--screenshots", help="folder to save <page>-<width>.png into (docs/images)")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, lambda *_: fail("timed out after 150 s"))
    signal.alarm(150)
    if not os.access(args.fazhi, os.X_OK):
        fail("{} is not an executable fazhi".format(args.fazhi))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = pages(os.path.abspath(args.fazhi), tmp, with_shared=not args.screenshots)
        driver = driver_or_fail()
        try:
            for name, path in targets:
                for width in WIDTHS:
                    # The viewport exactly `width` CSS px wide, as a phone or a desktop window would show it.
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                           {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
                    driver.get("file://" + path)
                    scroll, inner = driver.execute_script(
                        "return [document.documentElement.scrollWidth, window.innerWidth]")
                    status = "ok" if scroll <= inner else "OVERFLOW"
                    print("{} at {} px: scrollWidth {} innerWidth {} {}".format(name, width, scroll, inner, status))
                    if inner != width:
                        failures.append("{} at {} px: the viewport is {} px".format(name, width, inner))
                    if scroll > inner:
                        failures.append("{} at {} px: scrollWidth {} > innerWidth {}".format(name, width, scroll, inner))
                    if args.screenshots:
                        os.makedirs(args.screenshots, exist_ok=True)
                        driver.save_screenshot(os.path.join(args.screenshots, "{}-{}.png".format(name, width)))
        finally:
            driver.quit()
    if failures:
        fail("horizontal overflow:\n  " + "\n  ".join(failures))
    print("browser_no_overflow: {} pages × {} widths without horizontal overflow".format(len(targets), len(WIDTHS)))


if __name__ == "__main__":
    main()
