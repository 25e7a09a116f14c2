"""Cluster lists as the project panel shows them."""

from magnum_ui.api import magnum
from magnum_ui.content.project.clusters import template_names


def project_clusters(request):
    """This project's clusters (Magnum lists every project's to admins)."""
    project_id = request.user.project_id
    return [c for c in magnum.cluster_list(request)
            if not c.project_id or c.project_id == project_id]


def with_template_names(clusters, names):
    for cluster in clusters:
        cluster.template_name = names.get(cluster.cluster_template_id)
    return clusters


def name_templates(request, clusters, refresh=False):
    """Attach ``template_name`` to each cluster (for the template column)."""
    if refresh:
        names = template_names.fetch(request)
    else:
        names = template_names.names_for(
            request, [c.cluster_template_id for c in clusters])
    return with_template_names(clusters, names)
