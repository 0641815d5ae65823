#!/usr/bin/python3
"""Browser test of the fazhi serve page (run by ctest; docs/serve.md).

Starts `fazhi serve` on an ephemeral loopback port with a temporary data folder, drives headless Chromium through
Debian's python3-selenium + chromium-driver: uploads the sample through the page, sees its total score (the one the
API gives), marks a verdict 误判 with a note, and finds it in /api/reviews.tsv; looks at the page at 420 and 1400
pixels wide (no horizontal scroll on the workbench); on the rules page edits a rule of the user's rules folder
(`serve --rules DIR`) with a typo and sees the lint message at its line, previews the fixed rule (a verdict of the
uploaded sample changes) and sees the fix accepted. With --screenshots DIR it also writes the screenshots of
docs/images. Bounded: every wait has a deadline, the whole run is killed by ctest's TIMEOUT.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))

# The user's rules folder the editor works on: a rule added to the shipped pack `report` (the shipped audit profile
# applies it); the sample reports its 政务公开 work, so the rule passes until the term is changed.
PACK_YAML = "pack: report\ntitle: 本地补充要求\nversion: 1.0.0\n"


def rules_yaml(term, severity_key="severity"):
    return ("rules:\n"
            "  - id: local-open-gov\n"
            "    title: 写明政务公开工作\n"
            "    cite: 本地要求\n"
            "    category: 本地\n"
            "    %s: medium\n"
            "    message: 报告应写明政务公开工作。\n"
            "    remedy: 补写政务公开工作。\n"
            "    check:\n"
            "      pass:\n"
            "        mention: {any: [%s]}\n"
            "    examples:\n"
            "      - text: |\n"
            "          一、主要工作情况\n"
            "          全面推进%s，全年主动公开信息500条。\n"
            "        expect: pass\n"
            "      - text: |\n"
            "          一、主要工作情况\n"
            "          全年办理行政复议案件30件。\n"
            "        expect: fail\n") % (severity_key, term, term)
SOURCE = os.path.dirname(os.path.dirname(HERE))


def fail(msg):
    print("workbench_test: FAILED: " + msg, file=sys.stderr)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fazhi", required=True)
    ap.add_argument("--screenshots", default="")
    args = ap.parse_args()

    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait
    except ImportError:
        fail("python3-selenium is not installed (scripts/setup installs it: apt-get install python3-selenium)")
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not os.path.exists(driver_path) or not (shutil.which("chromium") or shutil.which("chromium-browser")):
        fail("chromium and chromium-driver are needed (scripts/setup installs them: apt-get install chromium chromium-driver)")

    sample = os.path.join(SOURCE, "reports", "samples", "hongqiao-2020.txt")
    data = tempfile.mkdtemp(prefix="fazhi-browser-")
    user_rules = os.path.join(data, "my-rules")
    os.makedirs(os.path.join(user_rules, "local"))
    with open(os.path.join(user_rules, "local", "pack.yaml"), "w", encoding="utf-8") as f:
        f.write(PACK_YAML)
    rules_file = os.path.join(user_rules, "local", "rules.yaml")
    with open(rules_file, "w", encoding="utf-8") as f:
        f.write(rules_yaml("政务公开"))
    env = dict(os.environ)
    env.setdefault("FAZHI_RULES", os.path.join(SOURCE, "rules"))
    servers = []

    def start_server(extra):
        proc = subprocess.Popen([args.fazhi, "serve", "--listen", "127.0.0.1:0", "--data", os.path.join(data, "db"),
                                 "-q"] + extra, stdout=subprocess.PIPE, stderr=sys.stderr, env=env, text=True)
        servers.append(proc)
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            fail("fazhi serve did not print its address: %r" % line)
        return proc, "http://127.0.0.1:%s" % m.group(1)

    def stop_server(proc):
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()

    driver = None
    try:
        # The shipped rules only (the screenshots show the sample's score as `fazhi check` gives it); the rules page
        # below runs on the same data folder with the user's rules folder.
        server, base = start_server([])

        opts = webdriver.ChromeOptions()
        opts.add_argument("--headless=new")
        opts.add_argument("--no-sandbox")
        opts.add_argument("--disable-gpu")
        opts.add_argument("--disable-dev-shm-usage")
        opts.add_argument("--window-size=1400,1000")
        try:
            driver = webdriver.Chrome(service=Service(driver_path), options=opts)
        except Exception as e:  # noqa: BLE001 - report any start failure plainly
            fail("cannot start headless chromium: %s" % str(e).splitlines()[0])
        driver.set_page_load_timeout(30)
        wait = WebDriverWait(driver, 60)

        driver.get(base + "/")
        wait.until(lambda d: d.find_element(By.ID, "drop"))
        file_input = driver.find_element(By.ID, "file-input")
        driver.execute_script("arguments[0].style.display='block'", file_input)
        file_input.send_keys(sample)
        link = wait.until(lambda d: d.find_element(By.LINK_TEXT, "完成，查看结果"))
        check_id = link.get_attribute("href").rsplit("/", 1)[1]
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "serve-upload.png"))
        link.click()

        score = wait.until(lambda d: d.find_element(By.ID, "total-score"))
        report = json.load(urllib.request.urlopen(base + "/api/checks/" + check_id, timeout=30))
        expected = "%.1f" % report["score"]["total"]
        if score.text != expected:
            fail("the page shows total score %r, the API %r" % (score.text, expected))
        print("workbench_test: total score on the page:", score.text)

        first = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#results .result"))
        rule = first.get_attribute("data-rule")
        tool_verdict = next(r["verdict"] for r in report["results"] if r["rule"] == rule)
        first.find_element(By.CSS_SELECTOR, "button.wrong").click()
        choice = Select(first.find_element(By.CSS_SELECTOR, "select.correct"))
        corrected = "pass" if tool_verdict != "pass" else "fail"
        choice.select_by_value(corrected)
        first.find_element(By.CSS_SELECTOR, "input.note").send_keys("浏览器测试：原文已写明")
        first.find_element(By.CSS_SELECTOR, "button.save").click()
        wait.until(lambda d: "误判" in first.find_element(By.CSS_SELECTOR, ".reviewed").text)
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "serve-check.png"))

        tsv = urllib.request.urlopen(base + "/api/reviews.tsv", timeout=30).read().decode("utf-8")
        row = "%s\t%s\t" % (rule, corrected)
        if "# report: hongqiao-2020.txt" not in tsv or row not in tsv or "浏览器测试：原文已写明" not in tsv:
            fail("the review is not in /api/reviews.tsv:\n" + tsv)
        print("workbench_test: review found in reviews.tsv:", rule, corrected)

        # 420 px: the workbench fits without scrolling sideways.
        for width in (420, 1400):
            driver.set_window_size(width, 1000)
            driver.get(base + "/#/check/" + check_id)
            wait.until(lambda d: d.find_element(By.ID, "total-score"))
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 2:
                fail("at %d px the page scrolls sideways by %d px" % (width, overflow))
            if args.screenshots and width == 420:
                driver.save_screenshot(os.path.join(args.screenshots, "serve-narrow.png"))
        driver.get(base + "/#/history?issuer=" + urllib.request.quote(report["document"]["issuer"]))
        wait.until(lambda d: d.find_element(By.ID, "score-chart"))
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "serve-history.png"))

        # The rules page (the server started again with `--rules` over the same data folder): a typo is refused with
        # the lint message at its line (6), the fixed rule's preview lists the sample's changed verdict, then the fix
        # is saved.
        stop_server(server)
        server, base = start_server(["--rules", user_rules])
        driver.set_window_size(1400, 1000)
        driver.get(base + "/#/rules?path=local/rules.yaml")
        text = wait.until(lambda d: d.find_element(By.ID, "rule-text"))
        wait.until(lambda d: "local-open-gov" in text.get_attribute("value"))
        set_text = "arguments[0].value=arguments[1];arguments[0].dispatchEvent(new Event('input'))"
        driver.execute_script(set_text, text, rules_yaml("政务公开", "severty"))
        driver.find_element(By.ID, "rule-save").click()
        diag = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#lint .diag.error"))
        if diag.get_attribute("data-line") != "6" or "E-unknown-key" not in diag.text or "第 6 行" not in diag.text:
            fail("the lint message is not at line 6: %r (line %r)" % (diag.text, diag.get_attribute("data-line")))
        marked = driver.find_elements(By.CSS_SELECTOR, "#gutter div.bad")
        if [m.get_attribute("data-line") for m in marked] != ["6"]:
            fail("the gutter marks lines %r, not line 6" % [m.get_attribute("data-line") for m in marked])
        if "未保存" not in driver.find_element(By.ID, "rule-status").text:
            fail("the refused edit is not reported as unsaved")
        with open(rules_file, encoding="utf-8") as f:
            if f.read() != rules_yaml("政务公开"):
                fail("a refused edit changed the rules file")
        print("workbench_test: lint message at line 6:", diag.text.splitlines()[0])
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "serve-rules.png"))

        driver.execute_script(set_text, text, rules_yaml("数字政府"))
        driver.find_element(By.ID, "rule-preview").click()
        change = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#preview tr.change"))
        if "local-open-gov" not in change.text or "符合" not in change.text or "不符合" not in change.text:
            fail("the preview does not show the changed verdict: %r" % change.text)
        print("workbench_test: preview:", " ".join(change.text.split())[:80])
        driver.find_element(By.ID, "rule-save").click()
        wait.until(lambda d: "已保存" in d.find_element(By.ID, "rule-status").text)
        if driver.find_elements(By.CSS_SELECTOR, "#lint .diag.error"):
            fail("the accepted edit still shows an error")
        with open(rules_file, encoding="utf-8") as f:
            if f.read() != rules_yaml("数字政府"):
                fail("the accepted edit was not written to the rules file")
        versions = driver.find_elements(By.CSS_SELECTOR, "#versions tr.version")
        if len(versions) != 2:
            fail("expected 2 versions (the original and the edit), found %d" % len(versions))
        driver.execute_script("document.getElementById('rule-status').scrollIntoView()")
        if args.screenshots:  # the accepted edit, the preview's table and the versions
            driver.save_screenshot(os.path.join(args.screenshots, "serve-rules-saved.png"))
        for width in (420, 1400):
            driver.set_window_size(width, 1000)
            driver.get(base + "/#/rules?path=local/rules.yaml")
            wait.until(lambda d: "数字政府" in d.find_element(By.ID, "rule-text").get_attribute("value"))
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 2:
                fail("the rules page at %d px scrolls sideways by %d px" % (width, overflow))
            if args.screenshots and width == 420:
                driver.save_screenshot(os.path.join(args.screenshots, "serve-rules-narrow.png"))
        print("workbench_test: rules edit refused at its line, previewed, accepted")
        print("workbench_test: ok")
    finally:
        if driver is not None:
            driver.quit()
        for proc in servers:
            if proc.poll() is None:
                stop_server(proc)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
