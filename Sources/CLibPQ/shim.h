#ifndef COPYDESK_CLIBPQ_SHIM_H
#define COPYDESK_CLIBPQ_SHIM_H

#include <libpq-fe.h>

// The diagnostic field codes are character macros ('C', 'M', …), which Swift does not import;
// typed constants carry them across.
static const int cd_pg_diag_sqlstate = PG_DIAG_SQLSTATE;
static const int cd_pg_diag_message_primary = PG_DIAG_MESSAGE_PRIMARY;
static const int cd_pg_diag_message_detail = PG_DIAG_MESSAGE_DETAIL;

#endif
