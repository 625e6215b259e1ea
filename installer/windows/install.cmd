@echo off
rem MentorXL for Windows: runs install.ps1 from this folder (PowerShell is part of Windows).
chcp 65001 >nul
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0install.ps1" %*
set RESULT=%ERRORLEVEL%
echo.
pause
exit /b %RESULT%
