"""The therapist's plan: the editor, the question before a plan file is applied, file pickers."""
