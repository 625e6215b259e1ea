"""The VBA project (xl/vbaProject.bin) of the master .xlsm, built by us from source text, reproducibly.

    ovba.py     MS-OVBA 2.4.1 compression of source text and of the `dir` stream
    cfb.py      a minimal Compound File Binary (MS-CFB v3) writer
    project.py  the project: PROJECT, PROJECTwm, VBA/_VBA_PROJECT, VBA/dir and one stream per module

Use with XlsxWriter (the document module names must be the book's code names):

    modules = standard_modules(functions, documents=document_names(len(sheets)))
    workbook.add_vba_project(io.BytesIO(build_vba_project(modules)), is_stream=True)
"""

from mentorxl.builder.vba.ovba import compress, decompress
from mentorxl.builder.vba.project import (
    BUTTONS,
    VbaModule,
    VbaProjectError,
    build_vba_project,
    document_module,
    document_names,
    standard_modules,
)

__all__ = [
    "BUTTONS",
    "VbaModule",
    "VbaProjectError",
    "build_vba_project",
    "compress",
    "decompress",
    "document_module",
    "document_names",
    "standard_modules",
]
