/* cosmo-edit-history.c
 *
 * Copyright 2026 The Cosmodrome developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cosmo-edit-history.h"

typedef struct
{
  char *label;
  /* Events taken out by the step, and put in by it. Undo swaps them. */
  GPtrArray *removed;
  GPtrArray *added;
} Command;

struct _CosmoEditHistory
{
  GObject parent_instance;

  CosmoMission *mission;
  GPtrArray *commands;   /* Command* */
  guint position;        /* commands[0..position) are applied */
  int saved_position;    /* -1: the saved state cannot be reached */
  guint64 serial;
};

G_DEFINE_FINAL_TYPE (CosmoEditHistory, cosmo_edit_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
command_free (Command *command)
{
  g_free (command->label);
  g_ptr_array_unref (command->removed);
  g_ptr_array_unref (command->added);
  g_free (command);
}

static Command *
command_new (const char *label)
{
  Command *command = g_new0 (Command, 1);

  command->label = g_strdup (label);
  command->removed = g_ptr_array_new_with_free_func (g_object_unref);
  command->added = g_ptr_array_new_with_free_func (g_object_unref);
  return command;
}

static void
apply (CosmoEditHistory *self,
       GPtrArray        *take_out,
       GPtrArray        *put_in)
{
  CosmoEventList *events = cosmo_mission_get_events (self->mission);

  for (guint i = 0; i < take_out->len; i++)
    cosmo_event_list_remove (events, take_out->pdata[i]);
  for (guint i = 0; i < put_in->len; i++)
    cosmo_event_list_add (events, put_in->pdata[i]);
}

static void
notify_all (CosmoEditHistory *self,
            gboolean          old_undo,
            gboolean          old_redo,
            gboolean          old_dirty)
{
  self->serial++;
  if (old_undo != cosmo_edit_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (old_redo != cosmo_edit_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (old_dirty != cosmo_edit_history_get_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
push (CosmoEditHistory *self,
      Command          *command)
{
  gboolean old_undo = cosmo_edit_history_can_undo (self);
  gboolean old_redo = cosmo_edit_history_can_redo (self);
  gboolean old_dirty = cosmo_edit_history_get_dirty (self);

  /* A new edit forgets what could have been redone. */
  if (self->saved_position > (int) self->position)
    self->saved_position = -1;
  g_ptr_array_set_size (self->commands, self->position);
  apply (self, command->removed, command->added);
  g_ptr_array_add (self->commands, command);
  self->position++;
  notify_all (self, old_undo, old_redo, old_dirty);
}

void
cosmo_edit_history_add_event (CosmoEditHistory *self,
                              CosmoEvent       *event)
{
  Command *command;

  g_return_if_fail (COSMO_IS_EDIT_HISTORY (self));
  g_return_if_fail (COSMO_IS_EVENT (event));

  command = command_new (cosmo_event_get_category (event) == COSMO_EVENT_CATEGORY_NOTE
                         ? _("Add Note") : _("Add Event"));
  g_ptr_array_add (command->added, g_object_ref (event));
  push (self, command);
}

void
cosmo_edit_history_remove_event (CosmoEditHistory *self,
                                 CosmoEvent       *event)
{
  Command *command;

  g_return_if_fail (COSMO_IS_EDIT_HISTORY (self));
  g_return_if_fail (COSMO_IS_EVENT (event));

  if (!cosmo_event_list_find (cosmo_mission_get_events (self->mission), event, NULL))
    return;
  command = command_new (cosmo_event_get_category (event) == COSMO_EVENT_CATEGORY_NOTE
                         ? _("Delete Note") : _("Delete Event"));
  g_ptr_array_add (command->removed, g_object_ref (event));
  push (self, command);
}

void
cosmo_edit_history_replace_event (CosmoEditHistory *self,
                                  CosmoEvent       *event,
                                  CosmoEvent       *edited)
{
  Command *command;

  g_return_if_fail (COSMO_IS_EDIT_HISTORY (self));
  g_return_if_fail (COSMO_IS_EVENT (event));
  g_return_if_fail (COSMO_IS_EVENT (edited));
  g_return_if_fail (event != edited);

  if (!cosmo_event_list_find (cosmo_mission_get_events (self->mission), event, NULL))
    return;
  command = command_new (cosmo_event_get_category (edited) == COSMO_EVENT_CATEGORY_NOTE
                         ? _("Edit Note") : _("Edit Event"));
  g_ptr_array_add (command->removed, g_object_ref (event));
  g_ptr_array_add (command->added, g_object_ref (edited));
  push (self, command);
}

void
cosmo_edit_history_replace_all (CosmoEditHistory *self,
                                GPtrArray        *events)
{
  CosmoEventList *list;
  Command *command;

  g_return_if_fail (COSMO_IS_EDIT_HISTORY (self));
  g_return_if_fail (events != NULL);

  list = cosmo_mission_get_events (self->mission);
  command = command_new (_("Recover Unsaved Changes"));
  for (guint i = 0; i < cosmo_event_list_get_count (list); i++)
    g_ptr_array_add (command->removed, g_object_ref (cosmo_event_list_get_event (list, i)));
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (command->added, g_object_ref (events->pdata[i]));
  push (self, command);
}

gboolean
cosmo_edit_history_can_undo (CosmoEditHistory *self)
{
  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), FALSE);
  return self->position > 0;
}

gboolean
cosmo_edit_history_can_redo (CosmoEditHistory *self)
{
  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), FALSE);
  return self->position < self->commands->len;
}

const char *
cosmo_edit_history_get_undo_label (CosmoEditHistory *self)
{
  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), NULL);
  if (self->position == 0)
    return NULL;
  return ((Command *) self->commands->pdata[self->position - 1])->label;
}

const char *
cosmo_edit_history_get_redo_label (CosmoEditHistory *self)
{
  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), NULL);
  if (self->position >= self->commands->len)
    return NULL;
  return ((Command *) self->commands->pdata[self->position])->label;
}

static CosmoEvent *
first_or_null (GPtrArray *array)
{
  return array->len > 0 ? array->pdata[0] : NULL;
}

CosmoEvent *
cosmo_edit_history_undo (CosmoEditHistory *self)
{
  gboolean old_undo, old_redo, old_dirty;
  Command *command;

  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;
  old_undo = cosmo_edit_history_can_undo (self);
  old_redo = cosmo_edit_history_can_redo (self);
  old_dirty = cosmo_edit_history_get_dirty (self);
  command = self->commands->pdata[--self->position];
  apply (self, command->added, command->removed);
  notify_all (self, old_undo, old_redo, old_dirty);
  return first_or_null (command->removed);
}

CosmoEvent *
cosmo_edit_history_redo (CosmoEditHistory *self)
{
  gboolean old_undo, old_redo, old_dirty;
  Command *command;

  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), NULL);

  if (self->position >= self->commands->len)
    return NULL;
  old_undo = cosmo_edit_history_can_undo (self);
  old_redo = cosmo_edit_history_can_redo (self);
  old_dirty = cosmo_edit_history_get_dirty (self);
  command = self->commands->pdata[self->position++];
  apply (self, command->removed, command->added);
  notify_all (self, old_undo, old_redo, old_dirty);
  return first_or_null (command->added);
}

gboolean
cosmo_edit_history_get_dirty (CosmoEditHistory *self)
{
  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), FALSE);
  return self->saved_position != (int) self->position;
}

void
cosmo_edit_history_mark_saved (CosmoEditHistory *self)
{
  gboolean old_dirty;

  g_return_if_fail (COSMO_IS_EDIT_HISTORY (self));

  old_dirty = cosmo_edit_history_get_dirty (self);
  self->saved_position = (int) self->position;
  if (old_dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

guint64
cosmo_edit_history_get_serial (CosmoEditHistory *self)
{
  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), 0);
  return self->serial;
}

char *
cosmo_edit_history_new_event_id (CosmoEditHistory *self,
                                 const char       *prefix)
{
  CosmoEventList *events;

  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), NULL);

  events = cosmo_mission_get_events (self->mission);
  for (guint i = 1;; i++)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, i);
      gboolean taken = cosmo_event_list_lookup (events, id) != NULL;

      /* An id an undone step still holds must stay free too, or redo
       * would bring back a duplicate. */
      for (guint c = 0; !taken && c < self->commands->len; c++)
        {
          Command *command = self->commands->pdata[c];

          for (guint k = 0; !taken && k < command->added->len; k++)
            taken = g_strcmp0 (cosmo_event_get_id (command->added->pdata[k]), id) == 0;
        }
      if (!taken)
        return id;
      g_free (id);
    }
}

CosmoMission *
cosmo_edit_history_get_mission (CosmoEditHistory *self)
{
  g_return_val_if_fail (COSMO_IS_EDIT_HISTORY (self), NULL);
  return self->mission;
}

static void
cosmo_edit_history_finalize (GObject *object)
{
  CosmoEditHistory *self = COSMO_EDIT_HISTORY (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);
  g_clear_object (&self->mission);

  G_OBJECT_CLASS (cosmo_edit_history_parent_class)->finalize (object);
}

static void
cosmo_edit_history_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CosmoEditHistory *self = COSMO_EDIT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cosmo_edit_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cosmo_edit_history_can_redo (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, cosmo_edit_history_get_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cosmo_edit_history_class_init (CosmoEditHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cosmo_edit_history_finalize;
  object_class->get_property = cosmo_edit_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cosmo_edit_history_init (CosmoEditHistory *self)
{
  self->commands = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
}

CosmoEditHistory *
cosmo_edit_history_new (CosmoMission *mission)
{
  CosmoEditHistory *self;

  g_return_val_if_fail (COSMO_IS_MISSION (mission), NULL);

  self = g_object_new (COSMO_TYPE_EDIT_HISTORY, NULL);
  self->mission = g_object_ref (mission);
  return self;
}
