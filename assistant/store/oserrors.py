"""What an OSError means, in Chinese: the one table for every file nianbao reads or writes.

Every errno the operating system can return gets a sentence a user can act on; nothing shows a
raw code ("ELOOP", "Errno 40"). Codes that only a network share produces are grouped, and any
code not listed still gets a plain Chinese sentence. On Windows the ``winerror`` of the error is
looked at first: it tells apart cases that share one errno there (a file held open by another
program is ``EACCES`` like a permission problem).
"""

from __future__ import annotations

import errno
from typing import Final


def _codes(*names: str) -> set[int]:
    """The numbers of the errno ``names`` this platform has."""
    return {getattr(errno, name) for name in names if hasattr(errno, name)}


_SPECIFIC: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (("ENOSPC", "EXFULL"), "磁盘空间不足"),
    (("EDQUOT",), "磁盘配额已用完"),
    (("EACCES", "EPERM"), "没有写入权限"),
    (("EROFS",), "所在磁盘或文件夹是只读的"),
    (("ENOENT",), "文件或文件夹不存在（可能已被删除或移动）"),
    (("ENOTDIR",), "路径中有一级不是文件夹"),
    (("EISDIR",), "这个名字是一个文件夹"),
    (("ENAMETOOLONG",), "文件名或路径太长"),
    (("ELOOP",), "符号链接形成了循环（链接指向自己或相互指向），找不到真正的文件"),
    (("EIO", "EREMOTEIO", "EUCLEAN"), "磁盘读写出错（磁盘或 U 盘可能有故障）"),
    (("EMFILE", "ENFILE"), "同时打开的文件太多"),
    (("EFBIG", "EOVERFLOW"), "文件太大"),
    (("EEXIST", "ENOTEMPTY"), "已经有同名的文件"),
    (("EXDEV",), "不能在不同的磁盘之间直接移动文件"),
    (("EBUSY", "ETXTBSY"), "文件正被其他程序占用"),
    (("EAGAIN", "EWOULDBLOCK", "EDEADLK", "EDEADLOCK", "ENOLCK"), "文件暂时被锁定"),
    (("EINTR", "ERESTART"), "读写被中断"),
    (("ENXIO", "ENODEV", "ESPIPE", "ENOTBLK"), "这不是普通文件（而是设备、管道等）"),
    (("ENOMEDIUM", "EMEDIUMTYPE"), "驱动器中没有可用的磁盘"),
    (("EILSEQ",), "文件名中含有系统不支持的字符"),
    (("EINVAL",), "文件名或操作不被系统接受（名字中可能有不允许的字符）"),
    (("EMLINK",), "文件夹中的链接或文件太多"),
    (("ENOMEM", "ENOBUFS"), "内存不足"),
    (("ENOSYS", "EOPNOTSUPP", "ENOTSUP"), "所在的磁盘不支持这项操作"),
    (("EBADF", "EBADFD"), "文件在读写过程中被关闭"),
    (("ETIMEDOUT", "ETIME"), "读写超时（网络共享盘可能没有响应）"),
)

_NETWORK: Final = _codes(
    "ESTALE",
    "EREMOTE",
    "ENOLINK",
    "ECOMM",
    "EPROTO",
    "ENETDOWN",
    "ENETUNREACH",
    "ENETRESET",
    "ECONNABORTED",
    "ECONNRESET",
    "ECONNREFUSED",
    "ENOTCONN",
    "ESHUTDOWN",
    "EHOSTDOWN",
    "EHOSTUNREACH",
    "ENONET",
    "EPIPE",
)

REASONS: Final[dict[int, str]] = {
    code: text for names, text in reversed(_SPECIFIC) for code in _codes(*names)
}
"""errno → Chinese (where two names share a number, the earlier row of the table wins)."""

NETWORK_REASON: Final = "与网络共享盘的连接出错，请检查网络后再试"
OTHER_REASON: Final = "操作系统报告了意外的错误，文件没有读写成功"

WINDOWS_REASONS: Final[dict[int, str]] = {
    5: "没有权限（文件可能是只读的，或被杀毒软件拦截）",
    19: "磁盘有写保护",
    21: "设备没有就绪（U 盘或光盘可能已取出）",
    32: "文件正被其他程序占用（例如 Word、WPS 或杀毒软件），请关闭后再试",
    33: "文件的一部分被其他程序锁定",
    39: "磁盘空间不足",
    53: "找不到网络路径（网络共享盘无法访问）",
    59: "网络出错，网络共享盘暂时无法访问",
    64: "网络连接已断开",
    112: "磁盘空间不足",
    123: '文件名中含有 Windows 不允许的字符（如 \\ / : * ? " < > |）',
    206: "文件名或路径太长",
    1224: "文件正被其他程序以映射方式打开，请关闭后再试",
    1920: "系统无法访问这个文件（可能被安全软件拦截）",
}
"""Windows system error codes (``OSError.winerror``) that say more than their errno."""


def windows_reason(winerror: int) -> str | None:
    """The Chinese sentence for a Windows system error code, or None for the errno to decide."""
    return WINDOWS_REASONS.get(winerror)


_PERMISSION: Final = _codes("EACCES", "EPERM")


def reason(error: OSError, *, reading: bool = False) -> str:
    """What went wrong, in Chinese, for an OSError from writing a file (or reading one)."""
    if reading and error.errno in _PERMISSION and getattr(error, "winerror", None) in (None, 5):
        return "没有读取权限"
    winerror = getattr(error, "winerror", None)
    if isinstance(winerror, int):
        text = windows_reason(winerror)
        if text is not None:
            return text
    code = error.errno
    if code in REASONS:
        return REASONS[code]
    if code in _NETWORK:
        return NETWORK_REASON
    return OTHER_REASON
