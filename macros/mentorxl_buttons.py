# MentorXL buttons for LibreOffice Calc.
# This file is embedded in every .ods made by `mentorxl new` as Scripts/python/mentorxl_buttons.py;
# each button on «Панель» calls one function appended below (builder/ods.py, from the button registry). It finds the installed mentorxl through the paths
# recorded in the document at `mentorxl new` (user-defined property «MentorXL.path»), then hands the
# click to mentorxl.libreoffice. Without mentorxl it says, in Russian, what to install.
import os
import site
import sys

PATH_PROPERTY = "MentorXL.path"
PYTHON_PROPERTY = "MentorXL.python"


def _property(doc, name):
    try:
        return doc.getDocumentProperties().getUserDefinedProperties().getPropertyValue(name)
    except Exception:
        return ""


def _say(doc, text):
    if os.environ.get("MENTORXL_NO_DIALOGS"):
        target = os.environ.get("MENTORXL_MESSAGES")
        if target:
            with open(target, "a", encoding="utf-8") as f:
                f.write(text.replace("\n", " ") + "\n")
        return
    from com.sun.star.awt.MessageBoxType import ERRORBOX

    window = doc.getCurrentController().getFrame().getContainerWindow()
    box = window.getToolkit().createMessageBox(window, ERRORBOX, 1, "MentorXL", text)
    box.execute()


def _mentorxl(doc):
    for path in str(_property(doc, PATH_PROPERTY)).split("|"):
        if path and os.path.isdir(path) and path not in sys.path:
            site.addsitedir(path)
    try:
        import mentorxl.libreoffice as calc
    except ImportError as error:
        wanted = _property(doc, PYTHON_PROPERTY)
        here = "%d.%d" % sys.version_info[:2]
        hint = ""
        if wanted and wanted != here:
            hint = (" MentorXL установлен для Python %s, а LibreOffice использует Python %s: установите mentorxl "
                    "в Python, которым пользуется LibreOffice." % (wanted, here))
        _say(doc, "Не найден MentorXL (%s).%s Установите его из пакета mentorxl-….whl в окружение системного "
                  "python3 («python3 -m venv ~/.local/share/mentorxl», затем «~/.local/share/mentorxl/bin/python "
                  "-m pip install mentorxl-….whl»; README, раздел «LibreOffice Calc») и создайте книгу заново "
                  "командой «mentorxl new Книга.ods», чтобы она запомнила, где он установлен." % (error, hint))
        return None
    return calc


def _click(button):
    doc = XSCRIPTCONTEXT.getDocument()  # noqa: F821 - LibreOffice puts XSCRIPTCONTEXT into this module
    calc = _mentorxl(doc)
    if calc is not None:
        calc.click(XSCRIPTCONTEXT.getComponentContext(), doc, button)  # noqa: F821


# The button functions follow: mentorxl.builder.ods appends one per button of mentorxl/core/buttons.py
# (`def check_data(*_event): _click("check_data")` ...) and g_exportedScripts when it embeds this file.
