"""notify and notice: 催办 by 企业微信/钉钉 robots, email and webhooks, once a day; the 督办单.

Every channel is tried for real against servers on loopback (an HTTP server in a thread for the
robots and the webhook, aiosmtpd for email, certificates from trustme): the exact payloads and
headers, 钉钉's signature against one computed by hand (and by openssl), the size limits, a failing
channel while the others are delivered, the once-a-day rule, and no secret in anything printed.
"""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import hmac
import json
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import replace
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from plancli.delivery import pacing
from plancli.delivery.http import masked, sign
from plancli.output.reminders import LIMITS, Context, dingtalk_payload, email_parts, fit, wecom_payload
from plancli.query.filters import make_filters
from plancli.query.reminders import reminders
from plancli.registry.contacts import Route, load_contacts, secret_lines
from plancli.workspace import open_workspace

from .conftest import TINY_REGISTRY

# The secrets of the test robots: none may appear in anything plancli prints or writes.
WECOM_KEY = "5d8e3a4b-0c1f-4e2a-9b7d-aa11bb22cc33"
DING_TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c"
DING_SECRET = "SECb1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611"
HOOK_TOKEN = "hook-token-Zx81Qm"
SMTP_PASSWORD = "smtp-Pa55word!"
SECRETS = (WECOM_KEY, DING_TOKEN, DING_SECRET, HOOK_TOKEN, SMTP_PASSWORD)

AS_OF = "2024-11-05"
CONTACTS = """\
# Routes of the test units; every address and secret is in the environment.
units:
  省科技厅:
    wecom: {url_env: T_KJ_WECOM, mention: [kjt-li]}
    dingtalk: {url_env: T_KJ_DING, secret_env: T_KJ_DING_SECRET, mention: ["13800000000"]}
    email: {to: [kjt@example.gov.cn], cc: [ban@example.gov.cn]}
    webhook: {url_env: T_KJ_HOOK}
  省工信厅:
    wecom: {url_env: T_GX_WECOM}
links:
  workbook: https://pan.example.gov.cn/台账/{unit}.xlsx
"""

# What 省科技厅's 企业微信 group reads on 2024-11-05 (the tiny registry with a 30-day reporting cycle).
WECOM_ZH = """\
### 【催办】省科技厅：红灯 1 项、黄灯 3 项
截至 2024-11-05，贵单位牵头的目标任务中：
> 红灯 1 项（已逾期或严重滞后）
> 黄灯 3 项（滞后或未按期报送）
> 其中 2024-10-29 以来新增 1 项，已标“新”
> 未按周期报送进展 3 项

<font color="warning">【红灯】</font>test-004 平台迭代更新，期限 2024-10-31：已逾期 5 天（新）
<font color="comment">【黄灯】</font>test-001 高新技术企业数量 >3.5 万家，期限 2024-12-31：309 天未报送进展（报送周期 30 天）
<font color="comment">【黄灯】</font>test-003@2024 前沿技术攻关项目 ≈20 项，期限 2024-12-31：309 天未报送进展（报送周期 30 天）
<font color="comment">【黄灯】</font>test-002 高新技术企业数量 >3.8 万家，期限 2025-12-31：309 天未报送进展（报送周期 30 天）

台账：https://pan.example.gov.cn/台账/省科技厅.xlsx
请抓紧推进，按时报送进展；确需延期的，请说明原因并提出申请。
—— 省政府督查室（联系人：王明 0531-86000001）
<@kjt-li>"""


# --------------------------------------------------------------------------- servers on loopback


class Robots:
    """An HTTP server that records every POST and answers as told per path: ``answers[path]`` is a
    list of (status, JSON body) used in turn (the last one repeats)."""

    def __init__(self):
        self.requests: list[dict] = []
        self.answers: dict[str, list[tuple[int, dict | str]]] = {}
        robots = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                parts = urllib.parse.urlsplit(self.path)
                robots.requests.append({"path": parts.path, "query": dict(urllib.parse.parse_qsl(parts.query)),
                                        "headers": dict(self.headers), "body": body, "at": time.time()})
                queue = robots.answers.get(parts.path) or [(200, {"errcode": 0, "errmsg": "ok"})]
                status, answer = queue.pop(0) if len(queue) > 1 else queue[0]
                raw = (answer if isinstance(answer, str) else json.dumps(answer)).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *a):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str, **query) -> str:
        q = urllib.parse.urlencode(query)
        return f"http://127.0.0.1:{self.port}{path}" + (f"?{q}" if q else "")

    def to(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["path"] == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def robots():
    r = Robots()
    yield r
    r.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content, session))
        return "250 OK"


@pytest.fixture
def smtp():
    """A plain SMTP relay on loopback (no TLS, no login): what an office's local relay is."""
    from aiosmtpd.controller import Controller

    box = Mailbox()
    c = Controller(box, hostname="127.0.0.1", port=_free_port())
    c.start()
    box.port = c.port
    yield box
    c.stop()


@pytest.fixture
def tls_ca(tmp_path, monkeypatch):
    """A CA of the test run, trusted through SSL_CERT_FILE (as a private CA would be)."""
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    return ca


# --------------------------------------------------------------------------- the office


@pytest.fixture
def office(tiny, monkeypatch, robots):
    """The tiny registry with a 30-day reporting cycle and an office, contacts.yaml beside it, and
    the robots' URLs (with their secrets) in the environment."""
    text = TINY_REGISTRY.replace(
        "meta:\n", "lights: {report_every_days: 30}\nmeta:\n  office: {name: 省政府督查室, contact: 王明, phone: 0531-86000001}\n", 1)
    tiny.write_text(text, encoding="utf-8")
    (tiny.parent / "contacts.yaml").write_text(CONTACTS, encoding="utf-8")
    env = {
        "T_KJ_WECOM": robots.url("/cgi-bin/webhook/send", key=WECOM_KEY),
        "T_KJ_DING": robots.url("/robot/send", access_token=DING_TOKEN),
        "T_KJ_DING_SECRET": DING_SECRET,
        "T_KJ_HOOK": robots.url(f"/hooks/{HOOK_TOKEN}"),
        "T_GX_WECOM": robots.url("/cgi-bin/webhook/send", key="gx-" + WECOM_KEY),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(k, raising=False)
    for k in ("PLANCLI_SMTP_HOST", "PLANCLI_SMTP_PORT", "PLANCLI_SMTP_TLS", "PLANCLI_SMTP_USER",
              "PLANCLI_SMTP_PASSWORD", "PLANCLI_SMTP_FROM", "PLANCLI_CONTACTS", "PLANCLI_NOTIFY_STATE"):
        monkeypatch.delenv(k, raising=False)
    waits: list[float] = []
    monkeypatch.setattr(pacing, "sleep", waits.append)  # retries and the rate limit never really wait
    return {"registry": tiny, "state": tiny.parent / "sent.jsonl", "waits": waits}


def notify(cli, office, *args, lang="zh"):
    return cli("notify", "--registry", str(office["registry"]), "--as-of", AS_OF, "--state", str(office["state"]),
               "--lang", lang, *args)


def use_smtp(monkeypatch, box, **extra):
    monkeypatch.setenv("PLANCLI_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PLANCLI_SMTP_PORT", str(box.port))
    monkeypatch.setenv("PLANCLI_SMTP_FROM", "省政府督查室 <duban@example.gov.cn>")
    for k, v in extra.items():
        monkeypatch.setenv(k, v)


def _no_secret(*texts: str) -> None:
    for t in texts:
        for s in SECRETS:
            assert s not in t, f"secret {s[:6]}… leaked"


# --------------------------------------------------------------------------- the channels


def test_wecom_payload_and_headers_exactly(cli, office, robots):
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "wecom")
    assert r.code == 0, r.err
    [req] = robots.to("/cgi-bin/webhook/send")
    assert req["query"] == {"key": WECOM_KEY}
    assert req["headers"]["Content-Type"] == "application/json; charset=utf-8"
    assert req["headers"]["User-Agent"].startswith("plancli/")
    assert json.loads(req["body"]) == {"msgtype": "markdown", "markdown": {"content": WECOM_ZH}}
    assert "省科技厅" in r.out and "已发送（列出 4/4 项）" in r.out
    assert "notify：发送 1 条，失败 0 条" in r.err
    _no_secret(r.out, r.err, office["state"].read_text(encoding="utf-8"))


def test_dingtalk_is_signed_and_mentions(cli, office, robots):
    before = int(time.time() * 1000)
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "dingtalk")
    assert r.code == 0, r.err
    [req] = robots.to("/robot/send")
    q = req["query"]
    assert q["access_token"] == DING_TOKEN
    ts = q["timestamp"]
    assert before <= int(ts) <= int(time.time() * 1000)  # milliseconds, now
    # by hand: base64 of HMAC-SHA256 keyed by the secret over "timestamp\nsecret" (parse_qsl URL-decoded it)
    want = base64.b64encode(hmac.new(DING_SECRET.encode(), f"{ts}\n{DING_SECRET}".encode(),
                                     hashlib.sha256).digest()).decode()
    assert q["sign"] == want
    body = json.loads(req["body"])
    assert body["msgtype"] == "markdown"
    assert body["markdown"]["title"] == "【催办】省科技厅：红灯 1 项、黄灯 3 项"
    assert body["at"] == {"atMobiles": ["13800000000"], "atUserIds": [], "isAtAll": False}
    text = body["markdown"]["text"]
    assert text.endswith("@13800000000")  # 钉钉 shows the mention only when the text names it
    assert '- <font color="#d62d20">【红灯】</font> test-004 平台迭代更新，期限 2024-10-31：已逾期 5 天（新）' in text
    assert "\n\n" in text  # 钉钉 joins single newlines


def test_dingtalk_signature_against_openssl():
    # printf '1700000000000\nSEC0f1e2d3c' | openssl dgst -sha256 -hmac SEC0f1e2d3c -binary | base64
    assert sign("SEC0f1e2d3c", "1700000000000") == "LFrEzvUma78EXAryKPJsTsduQj0kS6ZxnzV2QoV9WFs%3D"


def test_webhook_items_are_the_rows_of_due_json(cli, office, robots):
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "webhook")
    assert r.code == 0, r.err
    [req] = robots.to(f"/hooks/{HOOK_TOKEN}")
    body = json.loads(req["body"])
    assert (body["unit"], body["as_of"], body["since"], body["lang"]) == ("省科技厅", AS_OF, "2024-10-29", "zh")
    due = cli("due", "--registry", str(office["registry"]), "--as-of", AS_OF, "--unit", "省科技厅", "--format", "json")
    rows = {row["item"]: row for row in json.loads(due.out)}
    assert [i["item"] for i in body["items"]] == ["test-004", "test-001", "test-003@2024", "test-002"]
    assert all(i == rows[i["item"]] for i in body["items"])  # the very rows, every key
    assert body["counts"] == {"red": 1, "yellow": 3, "blue": 0, "new": 1, "returned": 0, "report_missing": 3}
    assert body["new"] == ["test-004"] and body["returned"] == []
    # the overdue item's light says overdue (red wins); 2025's occurrence has not started
    assert body["report"] == {"missing": ["test-001", "test-003@2024", "test-002"], "due": None}
    assert body["text"].startswith("【催办】省科技厅：红灯 1 项、黄灯 3 项\n")


def test_email_through_a_local_relay(cli, office, smtp, monkeypatch):
    use_smtp(monkeypatch, smtp)  # 127.0.0.1: no TLS, no login by default
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "email")
    assert r.code == 0, r.err
    [(mail_from, rcpt, raw, session)] = smtp.envelopes
    assert mail_from == "duban@example.gov.cn"
    assert rcpt == ["kjt@example.gov.cn", "ban@example.gov.cn"]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Subject"] == "【催办】省科技厅：红灯 1 项、黄灯 3 项"
    assert msg["From"] == "省政府督查室 <duban@example.gov.cn>"
    assert (msg["To"], msg["Cc"]) == ("kjt@example.gov.cn", "ban@example.gov.cn")
    assert msg["Auto-Submitted"] == "auto-generated"
    text = msg.get_body(("plain",)).get_content()
    html_part = msg.get_body(("html",)).get_content()
    assert text.splitlines()[:7] == [
        "【催办】省科技厅：红灯 1 项、黄灯 3 项", "", "截至 2024-11-05，贵单位牵头的目标任务中：",
        "  红灯 1 项（已逾期或严重滞后）", "  黄灯 3 项（滞后或未按期报送）", "  其中 2024-10-29 以来新增 1 项，已标“新”",
        "  未按周期报送进展 3 项"]
    assert "1. 【红灯】test-004 平台迭代更新，期限 2024-10-31：已逾期 5 天（新）" in text
    assert "台账：https://pan.example.gov.cn/台账/省科技厅.xlsx" in text
    assert '<html lang="zh-CN">' in html_part and '<table class="items">' in html_part
    assert "test-003@2024" in html_part and "已逾期 5 天" in html_part and "—— 省政府督查室" in html_part


def test_email_starttls_with_login_and_implicit_tls(cli, office, tls_ca, monkeypatch, tmp_path):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    cert = tls_ca.issue_cert("127.0.0.1", "localhost")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_ctx)
    logins = []

    def auth(server, session, envelope, mechanism, data):
        ok = isinstance(data, LoginPassword) and data.login == b"duban" and data.password == SMTP_PASSWORD.encode()
        logins.append((mechanism, ok))
        return AuthResult(success=ok, handled=False)  # aiosmtpd answers 535 itself

    box = Mailbox()
    starttls = Controller(box, hostname="127.0.0.1", port=_free_port(), tls_context=server_ctx,
                          require_starttls=True, authenticator=auth, auth_required=True)
    starttls.start()
    try:
        use_smtp(monkeypatch, starttls, PLANCLI_SMTP_TLS="starttls", PLANCLI_SMTP_USER="duban",
                 PLANCLI_SMTP_PASSWORD=SMTP_PASSWORD)
        r = notify(cli, office, "--unit", "省科技厅", "--channel", "email")
        assert r.code == 0, r.err
        assert len(box.envelopes) == 1 and logins and all(ok for _, ok in logins)
        assert box.envelopes[0][3].ssl is not None  # the message went over TLS
        # a wrong password: refused, said without the password, exit 1
        monkeypatch.setenv("PLANCLI_SMTP_PASSWORD", "wrong")
        r = notify(cli, office, "--unit", "省科技厅", "--channel", "email", "--force")
        assert r.code == 1 and "邮件服务器拒绝登录：535" in r.out
        _no_secret(r.out, r.err)
    finally:
        starttls.stop()
    implicit = Controller(box, hostname="127.0.0.1", port=_free_port(), ssl_context=server_ctx)
    implicit.start()
    try:
        use_smtp(monkeypatch, implicit, PLANCLI_SMTP_TLS="ssl", PLANCLI_SMTP_USER="", PLANCLI_SMTP_PASSWORD="")
        r = notify(cli, office, "--unit", "省科技厅", "--channel", "email", "--force")
        assert r.code == 0, r.out + r.err
        assert len(box.envelopes) == 2
    finally:
        implicit.stop()


# --------------------------------------------------------------------------- reliably, once


def test_a_failing_channel_leaves_the_others_delivered_and_exits_1(cli, office, robots, smtp, monkeypatch):
    use_smtp(monkeypatch, smtp)
    robots.answers["/cgi-bin/webhook/send"] = [(500, "oops")]  # 企业微信 down: both units' robots
    robots.answers["/robot/send"] = [(200, {"errcode": 310000, "errmsg": "sign not match"})]  # 200, but refused
    r = notify(cli, office, "--retries", "2")
    assert r.code == 1
    assert len(robots.to(f"/hooks/{HOOK_TOKEN}")) == 1 and len(smtp.envelopes) == 1  # still delivered
    assert len(robots.to("/cgi-bin/webhook/send")) == 6  # two units × (1 + 2 retries): 500 is transient
    assert len(robots.to("/robot/send")) == 1  # a refusal is not tried again
    assert office["waits"] == [1.0, 2.0, 1.0, 2.0]  # backoff 1 s, 2 s (sleep replaced)
    assert "发送失败：HTTP 500（共尝试 3 次）" in r.out
    assert "发送失败：机器人返回错误 310000：sign not match" in r.out
    assert "notify：发送 2 条，失败 3 条" in r.err
    log = [json.loads(x) for x in office["state"].read_text(encoding="utf-8").splitlines()]
    # units in the unit table's order, each unit's channels in contacts.yaml's
    assert [(e["unit"], e["channel"], e["ok"]) for e in log] == [
        ("省工业和信息化厅", "wecom", False), ("省科技厅", "wecom", False), ("省科技厅", "dingtalk", False),
        ("省科技厅", "email", True), ("省科技厅", "webhook", True)]
    _no_secret(r.out, r.err, office["state"].read_text(encoding="utf-8"))


def test_a_transient_failure_is_tried_again(cli, office, robots):
    robots.answers["/cgi-bin/webhook/send"] = [(200, {"errcode": 45009, "errmsg": "api freq out of limit"}),
                                               (503, "busy"), (200, {"errcode": 0, "errmsg": "ok"})]
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "wecom")
    assert r.code == 0, r.out + r.err
    assert len(robots.to("/cgi-bin/webhook/send")) == 3
    assert office["waits"] == [60.0, 2.0]  # a robot over its limit waits a minute; a 503 backs off


def test_once_a_day_unless_forced(cli, office, robots):
    first = notify(cli, office, "--channel", "wecom")
    assert first.code == 0 and len(robots.requests) == 2
    again = notify(cli, office, "--channel", "wecom")
    assert again.code == 0 and len(robots.requests) == 2  # nothing sent twice
    assert again.out.count("今日已发送") == 2 and "今日已发送未重发 2 条" in again.err
    forced = notify(cli, office, "--channel", "wecom", "--force")
    assert forced.code == 0 and len(robots.requests) == 4


def test_a_failed_message_is_sent_by_the_next_run(cli, office, robots):
    robots.answers["/cgi-bin/webhook/send"] = [(404, "no"), (200, {"errcode": 0, "errmsg": "ok"})]
    assert notify(cli, office, "--unit", "省科技厅", "--channel", "wecom").code == 1
    assert notify(cli, office, "--unit", "省科技厅", "--channel", "wecom").code == 0
    assert len(robots.requests) == 2


def test_dry_run_prints_the_payloads_masked_and_sends_nothing(cli, office, robots, smtp, monkeypatch):
    use_smtp(monkeypatch, smtp, PLANCLI_SMTP_USER="duban", PLANCLI_SMTP_PASSWORD=SMTP_PASSWORD)
    r = notify(cli, office, "--dry-run", "--unit", "省科技厅")
    assert r.code == 0, r.err
    assert robots.requests == [] and smtp.envelopes == [] and not office["state"].exists()
    _no_secret(r.out, r.err)
    assert f"POST $T_KJ_WECOM → http://127.0.0.1:{robots.port}/cgi-bin/webhook/send?key=***" in r.out
    assert "/robot/send?access_token=***&timestamp=" in r.out and "&sign=***" in r.out
    assert f"POST $T_KJ_HOOK → http://127.0.0.1:{robots.port}/hooks/***" in r.out
    assert f"SMTP 127.0.0.1:{smtp.port} (none, login duban)" in r.out
    # the JSON printed is the body that would be sent
    block = r.out.split("# 1. 省科技厅 → 企业微信 $T_KJ_WECOM\n", 1)[1].split("\n\n", 1)[1].split("\n# 2.", 1)[0]
    assert json.loads(block) == {"msgtype": "markdown", "markdown": {"content": WECOM_ZH}}
    assert "notify（演练）：待发送 4 条" in r.err


def test_notify_log_lists_what_was_sent(cli, office, robots):
    notify(cli, office, "--channel", "wecom")
    r = cli("notify", "--registry", str(office["registry"]), "--state", str(office["state"]), "--log",
            "--format", "json")
    entries = json.loads(r.out)
    assert [(e["unit"], e["channel"], e["to"], e["ok"], e["items"]) for e in entries] == [
        ("省工业和信息化厅", "wecom", "$T_GX_WECOM", True, 1), ("省科技厅", "wecom", "$T_KJ_WECOM", True, 4)]
    assert set(entries[0]) == {"at", "day", "registry", "unit", "channel", "to", "as_of", "items", "shown", "ok",
                               "error", "digest"}
    assert entries[1]["as_of"] == AS_OF and entries[0]["day"] == date.today().isoformat()
    plain = cli("notify", "--registry", str(office["registry"]), "--state", str(office["state"]), "--log",
                "--unit", "省工信厅", "--format", "plain", "--lang", "zh")
    assert "省工业和信息化厅" in plain.out and "省科技厅" not in plain.out and "成功" in plain.out


def test_a_unit_without_a_route_is_named_and_nothing_fails(cli, office, robots):
    (office["registry"].parent / "contacts.yaml").write_text(
        "units:\n  省科技厅:\n    webhook: {url_env: T_KJ_HOOK}\n", encoding="utf-8")
    r = notify(cli, office)
    assert r.code == 0
    assert "省工业和信息化厅" in r.out and "contacts.yaml 中没有该单位的发送渠道" in r.out
    assert "无发送渠道的单位 1 个" in r.err


def test_missing_environment_and_contacts(cli, office, robots, monkeypatch):
    monkeypatch.delenv("T_KJ_WECOM")
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "wecom", "--channel", "email")
    assert r.code == 1
    assert "环境变量 T_KJ_WECOM 未设置" in r.out and "未设置 PLANCLI_SMTP_HOST" in r.out
    (office["registry"].parent / "contacts.yaml").unlink()
    r = notify(cli, office)
    assert r.code == 2 and "未找到" in r.err and "contacts.yaml" in r.err


def test_new_only_and_light_filters(cli, office, robots):
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "webhook", "--new-only")
    assert [i["item"] for i in json.loads(robots.requests[-1]["body"])["items"]] == ["test-004"]
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "webhook", "--light", "yellow", "--force")
    assert r.code == 0
    assert [i["light"] for i in json.loads(robots.requests[-1]["body"])["items"]] == ["yellow"] * 3


def test_english_messages(cli, office, robots):
    notify(cli, office, "--unit", "省科技厅", "--channel", "wecom", lang="en")
    content = json.loads(robots.requests[0]["body"])["markdown"]["content"]
    assert content.splitlines()[:3] == ["### Reminder — 省科技厅: 1 red, 3 yellow",
                                        "As of 2024-11-05, of the items your unit leads:", "> 1 red (overdue or far behind)"]
    assert '<font color="warning">[red]</font>test-004 平台迭代更新, deadline 2024-10-31: overdue by 5 days (new)' in content


# --------------------------------------------------------------------------- size limits


@pytest.fixture(scope="module")
def crowded():
    """Every unit's items of the shipped registry on 2025-11-30 in one message: 140 red items, more
    than a robot takes."""
    ws = open_workspace()
    f = make_filters(ws.registry, ws.units, as_of="2025-11-30")
    rems = reminders(ws.registry, ws.units, ws.records, f, since=f.as_of - timedelta(days=7))
    rows = tuple({r["item"]: r for rem in rems for r in rem.rows}.values())
    return replace(rems[0], rows=rows, counts={**rems[0].counts, "red": len(rows)})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_robot_messages_fit_their_limits_and_count_the_rest(crowded, lang, monkeypatch):
    from plancli.output import reminders as module

    monkeypatch.setattr(module, "EMAIL_ITEMS", 100)
    ctx = Context(lang, {"name": "省政府督查室"})
    told = len(crowded.items)
    assert told > 100
    body, shown = wecom_payload(crowded, Route("wecom", url_env="X", mention=("a",)), ctx)
    content = body["markdown"]["content"]
    assert len(content.encode("utf-8")) <= LIMITS["wecom"] < len(json.dumps(body, ensure_ascii=False).encode()) + 200
    assert 5 < shown < told
    rest = "其余 {n} 项未列出，详见台账。" if lang == "zh" else "{n} more not shown here: see the workbook."
    assert rest.format(n=told - shown) in content
    ids = [r["item"] for r in crowded.items]
    assert all(f"{i} " in content for i in ids[:shown]) and f"{ids[shown]} " not in content  # whole items, in order
    assert content.rstrip().endswith("<@a>")  # the tail (signature, mention) survives the cut
    body, shown_d = dingtalk_payload(crowded, Route("dingtalk", url_env="X"), ctx)
    text = body["markdown"]["text"]
    assert len(text.encode("utf-8")) <= LIMITS["dingtalk"] and len(json.dumps(body).encode()) < 20000
    assert shown_d < told and rest.format(n=told - shown_d) in text
    subject, plain, page, shown_e = email_parts(crowded, ctx)
    assert shown_e == 100 and "\n100. " in plain and "\n101. " not in plain
    assert rest.format(n=told - 100) in plain and rest.format(n=told - 100) in page


def test_fit_keeps_whole_items_and_the_count():
    items = [f"item {i} " + "字" * 40 for i in range(50)]
    text, k = fit(["head"], items, ["tail"], 1000, lambda n: f"{n} more")
    assert len(text.encode()) <= 1000 and text.endswith(f"{50 - k} more\ntail") and text.startswith("head\n")
    assert all(f"item {i} " in text for i in range(k)) and f"item {k} " not in text
    text, k = fit(["head"], items[:2], ["tail"], 1000, lambda n: f"{n} more")
    assert k == 2 and "more" not in text


# --------------------------------------------------------------------------- contacts.yaml and validate


def test_validate_refuses_a_secret_in_contacts(cli, office):
    bad = office["registry"].parent / "contacts.yaml"
    bad.write_text(
        "# old: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WECOM_KEY + "\n"
        "units:\n"
        "  省科技厅:\n"
        "    wecom: {url_env: \"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WECOM_KEY + "\"}\n"
        "    dingtalk: {url_env: T_DING, secret: " + DING_SECRET + "}\n"
        "  省大数剧局:\n"
        "    email: {to: [not-an-address]}\n", encoding="utf-8")
    r = cli("validate", "--registry", str(office["registry"]))
    assert r.code == 1
    lines = [x for x in r.out.splitlines() if "contacts.yaml" in x]
    assert [x.split(": ", 1)[0].rsplit(":", 1)[1] for x in lines] == ["1", "4", "5", "4", "5", "6", "7"]
    assert "shaped like a secret" in lines[0] and "url_env names an environment variable" in lines[3]
    assert "dingtalk takes no 'secret'" in lines[4] and "did you mean 省大数据局" in lines[5]
    assert "'not-an-address' is not an email address" in lines[6]
    _no_secret(r.out, r.err)
    r = notify(cli, office)
    assert r.code == 2 and "nothing" not in r.err and "未发送任何消息" in r.err
    _no_secret(r.out, r.err)


def test_contacts_read_aliases_defaults_and_lists(tmp_path):
    ws = open_workspace()
    p = tmp_path / "contacts.yaml"
    p.write_text("units:\n  大数据局:\n    wecom:\n      - {url_env: A}\n      - {url_env: B, mention: [u1]}\n"
                 "  省工信厅: {email: {to: a@b.cn}}\n"
                 "default:\n  webhook: {url_env: ALL}\n", encoding="utf-8")
    book, problems = load_contacts(p, ws.units)
    assert problems == []
    assert [r.target for r in book.routes("省大数据局")] == ["$A", "$B"]
    assert book.routes("省工业和信息化厅")[0].to == ("a@b.cn",)
    assert [r.target for r in book.routes("省科技厅")] == ["$ALL"]


@pytest.mark.parametrize(("line", "secret"), [
    ("url: https://oapi.dingtalk.com/robot/send?access_token=" + DING_TOKEN, True),
    ("x: " + DING_SECRET, True),
    ("key: " + WECOM_KEY, True),
    ("hook: https://user:pa55@example.com/x", True),
    ("wecom: {url_env: TZ_DSJ_WECOM}", False),
    ("links: {workbook: https://pan.example.gov.cn/台账/{unit}.xlsx}", False),
    ("email: {to: [duban@dsj.example.gov.cn]}", False),
])
def test_what_looks_like_a_secret(line, secret):
    assert bool(secret_lines(line)) is secret


def test_masked_urls():
    assert masked("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WECOM_KEY) == \
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***"
    assert masked("https://open.feishu.cn/open-apis/bot/v2/hook/" + WECOM_KEY) == \
        "https://open.feishu.cn/open-apis/bot/v2/hook/***"
    assert masked("https://u:p@h.example:8443/x?timestamp=1&sign=abc") == "https://***@h.example:8443/x?timestamp=1&sign=***"


# --------------------------------------------------------------------------- pace


def test_rate_limit_twenty_a_minute_per_robot(monkeypatch):
    now = [1000.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    monkeypatch.setattr(pacing, "monotonic", lambda: now[0])
    monkeypatch.setattr(pacing, "sleep", sleep)
    limit = pacing.RateLimit(20)
    for i in range(25):
        limit.wait("robot-a")
        limit.wait("robot-b") if i < 5 else None
        now[0] += 0.5
    # the 21st waits until the 1st is a minute old (sent 0.5 s apart: 50 s); robot-b is not held up
    assert slept == [pytest.approx(50.0)]
    assert len(limit.sent["robot-a"]) <= 20


# --------------------------------------------------------------------------- 督办单


def test_notice_html_reads_as_an_office_sends_it(cli, office, tmp_path):
    out = tmp_path / "督办单.html"
    r = cli("notice", "--registry", str(office["registry"]), "--as-of", AS_OF, "--unit", "省科技厅",
            "--by", "2024-11-15", "--number", "督办〔2024〕7号", "--lang", "zh", "-o", str(out))
    assert r.code == 0, r.err
    page = out.read_text(encoding="utf-8")
    for text in ("<h1>督办单</h1>", "编号：督办〔2024〕7号", "省科技厅牵头的亮红灯目标任务（1 项）", "2024年11月5日",
                 "2024年11月15日前报送整改情况", "于2024年11月15日前将整改情况", "书面报送省政府督查室",
                 "test-004", "平台迭代更新", "已逾期 5 天", "省大数据局", "督办单位（盖章）：<span class=\"seal\">省政府督查室",
                 "联系人：王明", "联系电话：0531-86000001", "承办单位签收"):
        assert text in page, text
    assert "已逾期 5 天（新）" not in page


def test_notice_docx_and_units_without_red(cli, office, tmp_path):
    from docx import Document

    out = tmp_path / "n.docx"
    r = cli("notice", "--registry", str(office["registry"]), "--as-of", AS_OF, "--unit", "省科技厅", "--lang", "zh",
            "-o", str(out))
    assert r.code == 0, r.err
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "督办单" in text and "督办单位（盖章）：省政府督查室" in text and "2024年11月15日前" in text
    assert "test-004" in cells and "已逾期 5 天" in cells and "省科技厅" in cells
    r = cli("notice", "--registry", str(office["registry"]), "--as-of", AS_OF, "--unit", "省工信厅", "--lang", "zh")
    assert r.code == 0 and r.out == "" and "没有亮红灯的事项" in r.err
    many = tmp_path / "all"
    r = cli("notice", "--registry", str(office["registry"]), "--as-of", AS_OF, "--lang", "zh", "-o", str(many))
    assert r.code == 0 and [p.name for p in many.iterdir()] == [f"督办单-省科技厅-{AS_OF}.html"]
    r = cli("notice", "--registry", str(office["registry"]), "--as-of", AS_OF, "--lang", "zh")
    assert r.code == 2 and "目录" in r.err


def test_office_block_is_checked(tiny):
    from plancli.registry.loading import RegistryError, load_registry

    tiny.write_text(TINY_REGISTRY.replace("meta:\n", "meta:\n  office: {name: 督查室, fax: 1}\n", 1), encoding="utf-8")
    with pytest.raises(RegistryError, match="office: unknown key 'fax'"):
        load_registry(tiny)


def test_secret_never_reaches_an_error_message(cli, office, robots, monkeypatch):
    # a URL pasted with a trailing newline: refused by name, the URL never quoted
    monkeypatch.setenv("T_KJ_WECOM", robots.url("/cgi-bin/webhook/send", key=WECOM_KEY) + " \n")
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "wecom")
    assert r.code == 0  # stripped: a pasted newline is not the robot's fault
    monkeypatch.setenv("T_KJ_WECOM", "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WECOM_KEY)
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "wecom", "--force")
    assert r.code == 1 and "环境变量 T_KJ_WECOM 的值不是 http(s) 地址" in r.out
    monkeypatch.setenv("T_KJ_WECOM", f"http://127.0.0.1:{_free_port()}/cgi-bin/webhook/send?key={WECOM_KEY}")
    r = notify(cli, office, "--unit", "省科技厅", "--channel", "wecom", "--force", "--retries", "0")
    assert r.code == 1 and "无法连接 127.0.0.1" in r.out
    _no_secret(r.out, r.err, office["state"].read_text(encoding="utf-8"))


def test_contacts_path_is_beside_the_registry(office):
    assert Path(office["registry"]).parent.joinpath("contacts.yaml").exists()
