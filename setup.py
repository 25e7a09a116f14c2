import setuptools

# pbr reads setup.cfg and takes the version from git tags, as OpenStack
# projects do.
setuptools.setup(setup_requires=['pbr>=6.0'], pbr=True)
