@echo off
rem The one entry point on Windows: build.cmd [build|test] — see README.md. The logic lives in eng\.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0eng\build.ps1" %*
exit /b %ERRORLEVEL%
