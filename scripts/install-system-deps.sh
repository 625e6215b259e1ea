#!/usr/bin/env bash
# Debian packages the render tests need: LibreOffice (Calc, Writer, the Python script provider), poppler.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc libreoffice-writer)
dpkg -s libreoffice-script-provider-python >/dev/null 2>&1 || need+=(libreoffice-script-provider-python)
dpkg -s python3-uno >/dev/null 2>&1 || need+=(python3-uno)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need+=(fonts-liberation)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Нужны пакеты: ${need[*]}. Установите их: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "Устанавливаю ${need[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
