"""Delivery of 催办: messages written by ``output.reminders`` sent once, reliably, to where units are.

- ``http``: the robots (企业微信, 钉钉 — signed) and the generic webhook, POSTed with urllib; a robot's
  ``errcode`` ≠ 0 in a 200 answer is a failure; every URL is masked before it is shown.
- ``mail``: email over SMTP (``PLANCLI_SMTP_*``: starttls, ssl, or none for a local relay).
- ``pacing``: a rate limit per robot (20 a minute by default, the robots' own limit) and retries with
  backoff on transient failures (no answer, HTTP 429/5xx, a robot's "busy" codes, SMTP 4xx).
- ``sentlog``: what was sent, when and to whom, per user outside git (``$XDG_STATE_HOME/plancli``)
  or ``--state FILE``; a second run the same day does not send the same unit's 催办 again.
- ``sending``: one run: each message prepared, skipped if already sent today, sent, and logged; one
  failing channel never stops the others.

Secrets (robot URLs, signing secrets, the SMTP password) are read from the environment at send time
and never printed, logged or written: errors name the environment variable or the host, never a URL.
"""
