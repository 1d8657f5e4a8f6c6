"""mkdocs hook (``hooks:`` in mkdocs.yml): draws the plot gallery while the site is built.

Every entry of :data:`exactgeom.plot.gallery.GALLERY` becomes the generated file
``gallery/<name>.png`` of the site, which docs/gallery.md shows; nothing is written
into docs/.
"""

from __future__ import annotations

from exactgeom.plot.gallery import GALLERY, render


def on_files(files, config):
    from mkdocs.structure.files import File

    for entry in GALLERY:
        files.append(File.generated(config, f"gallery/{entry.name}.png", content=render(entry)))
    return files
