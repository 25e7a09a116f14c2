# Release notes of magnum_ui, built from releasenotes/notes/ by reno:
#     sphinx-build -W -b html releasenotes/source releasenotes/build/html

extensions = ['reno.sphinxext']

project = 'magnum_ui Release Notes'
copyright = 'magnum_ui developers'
master_doc = 'index'
exclude_patterns = []
html_theme = 'alabaster'
html_static_path = ['_static']
