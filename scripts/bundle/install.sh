#!/bin/sh
# 年报助手离线安装：不需要网络，也不需要管理员权限。
# 用法：sh install.sh [安装目录]      默认安装到 ~/.local/share/nianbao，命令放在 ~/.local/bin
# 再次运行（例如用新版本的安装包）即为更新；草稿不受影响。
set -eu

here=$(cd "$(dirname "$0")" && pwd)
target=${1:-${XDG_DATA_HOME:-$HOME/.local/share}/nianbao}
bindir=${NIANBAO_BIN_DIR:-$HOME/.local/bin}

python=${PYTHON:-}
if [ -z "$python" ]; then
    for candidate in python3.14 python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            python=$candidate
            break
        fi
    done
fi
if [ -z "$python" ]; then
    echo "错误：没有找到 Python 3.11 或更新的版本。请先安装 Python（统信 UOS、麒麟可在应用商店或软件源中安装 python3），再运行本脚本。" >&2
    exit 1
fi

# pip runs from its own wheel: a Python without ensurepip (python3-venv not installed) still works.
pip_wheel=$(ls "$here"/wheels/pip-*.whl | head -n 1)

# Only this bundle's wheels: no pip.conf (find-links, constraints, mirrors) and no PIP_* variable
# of this machine may add to it or take from it.
for variable in $(env | sed -n 's/^\(PIP_[A-Za-z0-9_]*\)=.*/\1/p'); do
    unset "$variable"
done
export PIP_CONFIG_FILE=/dev/null

echo "正在安装年报助手到 $target（使用 $("$python" --version 2>&1)）..."
"$python" -m venv --without-pip --clear "$target/venv"
if ! "$target/venv/bin/python" "$pip_wheel/pip" install --quiet --disable-pip-version-check \
    --no-index --find-links "$here/wheels" nianbao; then
    echo "错误：安装没有完成。本安装包支持 Python 3.11 到 3.14 和本机的处理器类型；请核对后重试，或把上面的信息发给技术支持。" >&2
    exit 1
fi

mkdir -p "$bindir"
ln -sf "$target/venv/bin/nianbao" "$bindir/nianbao"
echo "安装完成：$bindir/nianbao"
case ":$PATH:" in
*":$bindir:"*) ;;
*) echo "提示：$bindir 不在 PATH 中。请把 export PATH=\"$bindir:\$PATH\" 加到 ~/.profile，或直接运行 $bindir/nianbao。" ;;
esac
echo "试一试：nianbao check \"$here/示例/shenyang-2024.nianbao.yaml\""
