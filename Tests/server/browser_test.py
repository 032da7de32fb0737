"""The pages in a real browser, signed in through a proxy as production does.

Run by scripts/check-server.sh, which starts advocacy-server on loopback with a
demo programme and passes its address and three demo people. For each person
this script starts a small authenticating proxy of its own (what oauth2-proxy
or LemonLDAP::NG do: drop any X-Forwarded-Email the browser sends, set the
signed-in person's, keep the Host) and drives headless Chromium through it
with Selenium:

- a staff member logs a post with the form and sees it in their list and in
  their explanation; the same form works with JavaScript disabled;
- a staff member is refused the HR page;
- HR approves proposals with a note and downloads the export;
- every main page in French and in English (the html lang, a word of each);
- axe-core (axe-selenium-python) finds no serious or critical violation on
  the main pages.

Screenshots go to the artefacts folder. Exits non-zero on the first failure,
saying which check failed.
"""

import http.client
import http.server
import json
import os
import sys
import threading
import time
import urllib.parse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

SERVER = urllib.parse.urlparse(os.environ["SERVER_URL"])
ARTEFACTS = os.environ["ARTEFACTS"]
PEOPLE = json.loads(os.environ["PEOPLE"])  # {"staff": email, "hr": email, "hrName": name, "cio": email}
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"}


def proxy_for(email):
    """Starts a proxy on a free loopback port that signs every request in as `email`."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP and k.lower() != "x-forwarded-email"}
            headers["X-Forwarded-Email"] = email
            connection = http.client.HTTPConnection(SERVER.hostname, SERVER.port, timeout=60)
            connection.request(self.command, self.path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            connection.close()

        do_GET = do_POST = do_DELETE = forward

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def browser(language="en", javascript=True, downloads=None):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600",
                     f"--lang={language}"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    preferences = {"intl.accept_languages": "fr-FR,fr" if language == "fr" else "en-GB,en"}
    if not javascript:
        preferences["profile.managed_default_content_settings.javascript"] = 2
    if downloads:
        preferences["download.default_directory"] = downloads
        preferences["download.prompt_for_download"] = False
    options.add_experimental_option("prefs", preferences)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


checks = 0


def check(condition, what):
    global checks
    if not condition:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)
    checks += 1


def shot(driver, name):
    driver.save_screenshot(os.path.join(ARTEFACTS, name + ".png"))


def text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def log_a_post(driver, base, address, title, language, javascript):
    driver.get(base + "/log")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"/log is in {language}")
    driver.find_element(By.ID, "field-url").send_keys(address)
    driver.find_element(By.ID, "field-title").send_keys(title)
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[name=project]")
    check(boxes, "the log form offers projects")
    boxes[0].click()
    driver.find_element(By.ID, "field-reactions").send_keys("7")
    driver.find_element(By.CSS_SELECTOR, "form[action='/log'] button[type=submit]").click()
    shot(driver, f"log-{language}-{'js' if javascript else 'nojs'}")
    check(("Logged" if language == "en" else "Déclaré") in text(driver), f"logging '{title}' says it was logged ({language})")
    driver.get(base + "/me/actions")
    check(title in text(driver), f"'{title}' is in my actions")
    shot(driver, f"my-actions-{language}")
    driver.get(base + "/me/score")
    check(title in driver.page_source, f"'{title}' is in my explanation")
    shot(driver, f"my-score-{language}")


def main():
    staff = proxy_for(PEOPLE["staff"])
    hr = proxy_for(PEOPLE["hr"])
    cio = proxy_for(PEOPLE["cio"])
    admin = proxy_for(PEOPLE["admin"])
    stamp = str(int(time.time()))

    # A staff member logs a post, with JavaScript and without, in English then French.
    driver = browser("en")
    log_a_post(driver, staff, f"https://blog.browser-test.example/{stamp}-a", f"Browser test {stamp} A", "en", True)
    driver.get(staff + "/rewards")
    check("Access refused" in text(driver), "a staff member is refused the HR page")
    shot(driver, "staff-refused-rewards")
    driver.quit()

    driver = browser("fr", javascript=False)
    log_a_post(driver, staff, f"https://blog.browser-test.example/{stamp}-b", f"Essai navigateur {stamp} B", "fr", False)
    driver.quit()

    # HR approves proposals with a note, then downloads the export.
    downloads = os.path.join(ARTEFACTS, "downloads")
    os.makedirs(downloads, exist_ok=True)
    driver = browser("fr", downloads=downloads)
    driver.get(hr + "/rewards")
    shot(driver, "hr-rewards-before")
    rows = driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
    picked = 0
    for row in rows:
        cells = row.find_elements(By.TAG_NAME, "td")
        if len(cells) > 5 and cells[5].text.strip() == "proposée" and cells[2].text.strip() != PEOPLE["hrName"] and picked < 2:
            cells[0].find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
            picked += 1
    check(picked > 0, "HR finds proposals to approve")
    driver.find_element(By.ID, "field-note").send_keys("Validé en comité")
    driver.find_element(By.CSS_SELECTOR, "button[value=approve]").click()
    shot(driver, "hr-rewards-approved")
    check(f"{picked} propositions : approuvée" in text(driver), "HR is told the proposals were approved")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Télécharger l'export CSV").click()
    export = None
    for _ in range(100):
        names = [n for n in os.listdir(downloads) if n.endswith(".csv")]
        if names:
            export = os.path.join(downloads, names[0])
            break
        time.sleep(0.1)
    check(export is not None, "the export was downloaded")
    with open(export, encoding="utf-8") as handle:
        content = handle.read()
    check(content.startswith("period,hrId,email"), "the export has the CLI's header")
    check(content.count("\n") >= picked + 1, "the export lists the approved proposals")
    driver.quit()

    # Each main page in both languages, and an accessibility check.
    pages = {"staff": (staff, ["/", "/log", "/me/actions", "/me/score", "/ranking", "/me/channels", "/me/wishes", "/me/privacy", "/me/import"]),
             "cio": (cio, ["/ranking?by=team", "/explain", "/review", "/audit", "/policy"]),
             "hr": (hr, ["/rewards", "/rewards/catalogue", "/rewards/budget"]),
             "admin": (admin, ["/admin/people", "/admin/projects", "/admin/import"])}
    words = {"fr": "Accueil", "en": "Home"}
    for language in ["fr", "en"]:
        driver = browser(language)
        for role, (base, paths) in pages.items():
            for path in paths:
                driver.get(base + path)
                check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"{path} as {role} is in {language}")
                check(words[language] in text(driver), f"{path} as {role} speaks {language}")
                shot(driver, f"{role}-{language}-{path.strip('/').replace('/', '-').replace('?', '-') or 'home'}")
                if language == "fr":
                    axe = Axe(driver)
                    axe.inject()
                    results = axe.run()
                    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
                    for violation in serious:
                        print(f"axe: {path}: {violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)", file=sys.stderr)
                    check(not serious, f"no serious accessibility violation on {path}")
        driver.quit()
    print(f"browser test: {checks} checks passed; screenshots in {ARTEFACTS}")


if __name__ == "__main__":
    main()
