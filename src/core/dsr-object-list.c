/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-object-list"

#include "config.h"

#include "dsr-object-list.h"

struct _DsrObjectList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;  /* owned references */
};

static void dsr_object_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DsrObjectList, dsr_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dsr_object_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return DSR_OBJECT_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return DSR_OBJECT_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DsrObjectList *self = DSR_OBJECT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
dsr_object_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
dsr_object_list_finalize (GObject *object)
{
  g_ptr_array_unref (DSR_OBJECT_LIST (object)->items);
  G_OBJECT_CLASS (dsr_object_list_parent_class)->finalize (object);
}

static void
dsr_object_list_class_init (DsrObjectListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dsr_object_list_finalize;
}

static void
dsr_object_list_init (DsrObjectList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

DsrObjectList *
dsr_object_list_new (GType item_type)
{
  DsrObjectList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (DSR_TYPE_OBJECT_LIST, NULL);
  self->item_type = item_type;
  return self;
}

void
dsr_object_list_append (DsrObjectList *self,
                        gpointer       item)
{
  g_return_if_fail (DSR_IS_OBJECT_LIST (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  g_ptr_array_add (self->items, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

void
dsr_object_list_remove (DsrObjectList *self,
                        guint          position)
{
  g_return_if_fail (DSR_IS_OBJECT_LIST (self));
  g_return_if_fail (position < self->items->len);

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* Puts @item at @position in place of the item there. */
void
dsr_object_list_replace (DsrObjectList *self,
                         guint          position,
                         gpointer       item)
{
  gpointer old;

  g_return_if_fail (DSR_IS_OBJECT_LIST (self));
  g_return_if_fail (position < self->items->len);
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  old = self->items->pdata[position];
  self->items->pdata[position] = g_object_ref (item);
  g_object_unref (old);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

gboolean
dsr_object_list_find (DsrObjectList *self,
                      gpointer       item,
                      guint         *position)
{
  g_return_val_if_fail (DSR_IS_OBJECT_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}
