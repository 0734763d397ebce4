#ifndef COPYDESK_CLIBXML2_SHIM_H
#define COPYDESK_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and <libxml/encoding.h> then pulls in ICU's headers, whose
// types clash with the ICU that Foundation carries ("'UErrorCode' has different definitions
// in different modules"). Copydesk never touches the ICU-only members (they sit at the end of
// xmlCharEncodingHandler, which we only handle by pointer), so the macro is switched off after
// xmlversion.h has been read once; its include guard keeps it off for every later header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/uri.h>
#include <libxml/encoding.h>
#include <libxml/SAX2.h>

#endif
