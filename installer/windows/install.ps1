# MentorXL: установка для Windows (её запускает install.cmd).
# 1. Находит Python 3.11 или новее через программу запуска py (python.org), а не заглушку Microsoft Store.
# 2. Создаёт личное окружение Python в профиле пользователя: %LOCALAPPDATA%\MentorXL\venv.
# 3. Ставит в него MentorXL из файла .whl рядом с этим скриптом и его зависимости (точные версии) из PyPI.
# 4. Создаёт на Рабочем столе книгу «Наставничество.xlsm», которая запоминает это окружение.
# 5. Говорит, что делать дальше.
# native programs (py, pip) write warnings to stderr: their exit codes are checked instead
$ErrorActionPreference = 'Continue'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
$OutputEncoding = [System.Text.Encoding]::UTF8

$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$home_dir = Join-Path $env:LOCALAPPDATA 'MentorXL'
$venv = Join-Path $home_dir 'venv'
$python_url = 'https://www.python.org/downloads/windows/'

function Stop-With([string]$text) {
    Write-Host ''
    Write-Host $text -ForegroundColor Red
    exit 1
}

Write-Host 'Установка MentorXL' -ForegroundColor Cyan

# --- 1. Python 3.11+ через py ------------------------------------------------------------------------------------
$py = Get-Command 'py.exe' -ErrorAction SilentlyContinue
if (-not $py) {
    Stop-With ("Не найдена программа запуска Python «py». Установите Python 3.11 или новее с сайта $python_url " +
               '(«Windows installer (64-bit)»; в первом окне отметьте «Add python.exe to PATH»), затем запустите ' +
               'install.cmd снова. Python из Microsoft Store не подходит: он не даёт программы py, а его ' +
               'ограничения мешают Excel запускать Python.')
}
$version = $null
foreach ($candidate in @('3.14', '3.13', '3.12', '3.11')) {
    & py.exe "-$candidate" -c 'import sys' 2>$null
    if ($LASTEXITCODE -eq 0) { $version = $candidate; break }
}
if (-not $version) {
    Stop-With ("Найден Python, но нужен Python 3.11 или новее. Установите его с сайта $python_url и " +
               'запустите install.cmd снова (старые версии Python можно не удалять).')
}
$base = (& py.exe "-$version" -c 'import sys; print(sys.executable)').Trim()
if ($base -like '*\WindowsApps\*') {
    Stop-With ("Python $version установлен из Microsoft Store ($base): Excel не может запускать его. " +
               "Установите Python с сайта $python_url и запустите install.cmd снова.")
}
Write-Host "Python $version`: $base"

# --- 2. Личное окружение ---------------------------------------------------------------------------------------
if (-not (Test-Path (Join-Path $venv 'Scripts\python.exe'))) {
    Write-Host "Создаю окружение: $venv"
    New-Item -ItemType Directory -Force -Path $home_dir | Out-Null
    & py.exe "-$version" -m venv $venv
    if ($LASTEXITCODE -ne 0) { Stop-With "Не удалось создать окружение Python в папке $venv." }
}
$python = Join-Path $venv 'Scripts\python.exe'
$mentorxl = Join-Path $venv 'Scripts\mentorxl.exe'

# --- 3. MentorXL и его зависимости -------------------------------------------------------------------------------
$wheel = Get-ChildItem -Path $here -Filter 'mentorxl-*.whl' | Sort-Object Name | Select-Object -Last 1
if (-not $wheel) { Stop-With "В папке $here нет файла mentorxl-*.whl: распакуйте архив целиком." }
Write-Host "Устанавливаю $($wheel.Name) и библиотеки из PyPI (нужен интернет, несколько минут)…"
& $python -m pip install --disable-pip-version-check $wheel.FullName
if ($LASTEXITCODE -eq 0) {
    # a second run with a newer archive of the same version: MentorXL itself is replaced, its libraries stay
    & $python -m pip install --disable-pip-version-check --no-deps --force-reinstall $wheel.FullName
}
if ($LASTEXITCODE -ne 0) {
    Stop-With ('Не удалось установить MentorXL. Проверьте доступ к интернету (сайт pypi.org; за прокси задайте ' +
               'переменные HTTPS_PROXY) и запустите install.cmd снова.')
}

# --- 4. Книга на Рабочем столе ------------------------------------------------------------------------------------
$desktop = [Environment]::GetFolderPath('Desktop')
$book = Join-Path $desktop 'Наставничество.xlsm'
if (Test-Path $book) {
    Write-Host "Книга уже есть: $book — оставляю её как есть." -ForegroundColor Yellow
    Write-Host "Новая книга: `"$mentorxl`" new `"$desktop\Наставничество 2.xlsm`""
} else {
    & $mentorxl new $book
    if ($LASTEXITCODE -ne 0) { Stop-With "Не удалось создать книгу $book." }
}

# --- 5. Что дальше ------------------------------------------------------------------------------------------------
Write-Host ''
Write-Host 'Готово.' -ForegroundColor Green
Write-Host "1. Откройте на Рабочем столе книгу «Наставничество.xlsm» в Excel."
Write-Host '2. Если Excel пишет, что макросы заблокированы: закройте книгу, щёлкните файл правой кнопкой →'
Write-Host '   «Свойства» → отметьте «Разблокировать» → «ОК»; при открытии нажмите «Включить содержимое».'
Write-Host '3. Заполните «Настройки», банки наставляемых и наставников, нажмите «Проверить данные» на «Панели».'
Write-Host "Командная строка MentorXL: `"$mentorxl`" --help"
Write-Host "Книга с демонстрационной школой: `"$mentorxl`" new `"$desktop\Наставничество (демо).xlsm`" --demo"
exit 0
