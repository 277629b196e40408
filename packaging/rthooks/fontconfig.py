"""PyInstaller runtime hook (Linux): give the bundled fontconfig a configuration.

The folder carries its own libfontconfig, which reads /etc/fonts/fonts.conf. A desktop has
that file; a minimal machine (a server, a container, debootstrap's minbase) does not, and
fontconfig then prints "Cannot load default config file" and knows no fonts at all. In that
case point it at _internal/fontconfig/fonts.conf (the bundled BIZ UD fonts, /usr/share/fonts,
a cache under ~/.cache). A FONTCONFIG_FILE or FONTCONFIG_PATH set by the user always wins.
"""
import os
import sys

if (sys.platform.startswith("linux") and not os.environ.get("FONTCONFIG_FILE")
        and not os.environ.get("FONTCONFIG_PATH") and not os.path.exists("/etc/fonts/fonts.conf")):
    os.environ["FONTCONFIG_FILE"] = os.path.join(sys._MEIPASS, "fontconfig", "fonts.conf")
