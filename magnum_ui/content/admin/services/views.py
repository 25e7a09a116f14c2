from django.utils.translation import gettext_lazy as _

from horizon import tables

from magnum_ui.api import magnum
from magnum_ui.content.admin.services import tables as service_tables
from magnum_ui.content.common import errors


class IndexView(tables.DataTableView):
    table_class = service_tables.MagnumServicesTable
    template_name = 'horizon/common/_data_table_view.html'
    page_title = _('Magnum Services')

    def get_data(self):
        try:
            return magnum.service_list(self.request)
        except Exception as exc:
            errors.handle(self.request,
                          _('Unable to retrieve Magnum services.'), exc)
            return []
