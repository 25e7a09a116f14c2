"""One-time setup commands run in one interpreter per service.

Each service's management CLI (keystone-manage, nova-manage) costs 2-4 s of
CPU just to import; run back to back as separate processes they were the
bulk of a cold start on 2 cores.  These modules call the same CLI entry
points several times in one process instead.
"""
