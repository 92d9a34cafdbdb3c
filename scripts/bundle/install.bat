@echo off
rem 年报助手离线安装：不需要网络，也不需要管理员权限。
rem 用法：install.bat [安装目录]      默认安装到 %LOCALAPPDATA%\nianbao
rem 再次运行（例如用新版本的安装包）即为更新；草稿不受影响。
setlocal
set "HERE=%~dp0"
if "%~1"=="" (set "TARGET=%LOCALAPPDATA%\nianbao") else (set "TARGET=%~1")

set "PY="
if defined PYTHON set "PY=%PYTHON%"
rem The newest Python the bundle has wheels for, through the py launcher.
for %%v in (3.14 3.13 3.12 3.11) do if not defined PY (py -%%v -c "" >nul 2>nul && set "PY=py -%%v")
if not defined PY (where python >nul 2>nul && set "PY=python")
if not defined PY goto nopython
%PY% -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>nul || goto nopython

rem pip runs from its own wheel, so the Python needs no pip of its own.
for %%f in ("%HERE%wheels\pip-*.whl") do set "PIPWHL=%%~ff"

rem Only this bundle's wheels: no pip.ini and no PIP_* variable of this machine may add to it.
for /f "delims==" %%v in ('set PIP_ 2^>nul') do set "%%v="
set "PIP_CONFIG_FILE=nul"

echo 正在安装年报助手到 %TARGET% ...
%PY% -m venv --without-pip --clear "%TARGET%\venv" || goto failed
"%TARGET%\venv\Scripts\python.exe" "%PIPWHL%\pip" install --quiet --disable-pip-version-check --no-index --find-links "%HERE%wheels" nianbao || goto failed

rem WindowsApps is on every user's PATH on Windows 10 and 11.
set "BIN=%LOCALAPPDATA%\Microsoft\WindowsApps"
if not exist "%BIN%" set "BIN=%TARGET%"
> "%BIN%\nianbao.cmd" echo @"%TARGET%\venv\Scripts\nianbao.exe" %%*
echo 安装完成：%BIN%\nianbao.cmd
echo 打开新的命令提示符窗口，输入 nianbao 即可使用；浏览器模式：nianbao serve
echo 试一试：nianbao check "%HERE%示例\shenyang-2024.nianbao.yaml"
exit /b 0

:nopython
echo 错误：没有找到 Python 3.11 或更新的版本。请先安装 Python（安装时勾选 "Add python.exe to PATH"），再运行本脚本。
exit /b 1

:failed
echo 错误：安装没有完成。本安装包支持 64 位的 Python 3.11 到 3.14；请核对后重试，或把上面的信息发给技术支持。
exit /b 1
