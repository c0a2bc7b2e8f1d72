#!/usr/bin/env bash
# Test setup: installs Debian's chromium for the headless check of report.html (ReportInChromiumTest),
# if it is missing and this machine may install packages (once per machine: .ci/apt-install-once.sh).
# Exit 0 when chromium is there afterwards, 1 otherwise; the reason goes to stderr.
set -uo pipefail
found() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
found && exit 0
bash "$(dirname "$0")/../.ci/apt-install-once.sh" chromium chromium && found
