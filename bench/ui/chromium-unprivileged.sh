#!/bin/sh
# Chromium without CAP_SYS_NICE (see bench-browser.ts): it keeps the priority it is started with, as on an
# officer's desktop, instead of raising its own threads above the server it is measured against.
exec setpriv --bounding-set -sys_nice -- /usr/bin/chromium "$@"
