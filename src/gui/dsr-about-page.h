/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

#define DSR_TYPE_ABOUT_PAGE (dsr_about_page_get_type ())
G_DECLARE_FINAL_TYPE (DsrAboutPage, dsr_about_page, DSR, ABOUT_PAGE, AdwBin)

/* "About this data": the indicator's unit, source, years, vintage, licence,
 * how its regional values are obtained, the notes of its values and a
 * citation to copy ("citation-copied" then). */
GtkWidget *dsr_about_page_new     (void);
void       dsr_about_page_refresh (DsrAboutPage  *self,
                                   DsrStore      *store,
                                   const DsrView *view);

G_END_DECLS
