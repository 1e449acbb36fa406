// Table types for accounts (better-auth's tables) and classes; intersected into Database in schema.ts.
import type { Selectable } from "kysely";

export type UserRole = "instructor" | "learner";

export type UsersTable = {
  id: string;
  name: string;
  email: string;
  /** 0/1 on SQLite, boolean on Postgres. */
  email_verified: number | boolean;
  image: string | null;
  role: UserRole;
  created_at: string;
  updated_at: string;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  token: string;
  expires_at: string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
  updated_at: string;
};

export type AccountsTable = {
  id: string;
  user_id: string;
  account_id: string;
  provider_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: string | null;
  refresh_token_expires_at: string | null;
  scope: string | null;
  /** better-auth's scrypt hash; never read by our code. */
  password: string | null;
  created_at: string;
  updated_at: string;
};

export type VerificationsTable = { id: string; identifier: string; value: string; expires_at: string; created_at: string; updated_at: string };

/** better-auth's per-address rate limits ("database" storage); last_request in ms since the epoch. */
export type RateLimitsTable = { id: string; key: string; count: number; last_request: number };
/** One row per sign-in attempt for an account, inside the throttle's window (lib/auth/throttle.ts). */
export type SignInAttemptsTable = { account_key: string; at: number };
export type ClassesTable = { id: string; instructor_id: string; name: string; term: string; join_code: string; created_at: string };

export type ClassMembersTable = { class_id: string; user_id: string; joined_at: string };

export type AssignmentKind = "quiz" | "lesson";
export type GradingMethod = "highest" | "latest";
export type LatePolicy = "closed" | "penalty";
export type AnswersRelease = "immediately" | "after_due" | "never";

export type AssignmentsTable = {
  id: string;
  class_id: string;
  kind: AssignmentKind;
  /** Quiz id or lesson slug. */
  target_id: string;
  open_at: string;
  due_at: string;
  /** null: the quiz's own limit. */
  max_attempts: number | null;
  grading: GradingMethod;
  late_policy: LatePolicy;
  /** Percent of the score taken off a late attempt (0 when late_policy is closed). */
  late_penalty_pct: number;
  answers_release: AnswersRelease;
  created_at: string;
};

export type LessonProgressTable = { user_id: string; lesson_slug: string; completed_at: string | null; updated_at: string };

export type ClassesDatabase = {
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  rate_limits: RateLimitsTable;
  sign_in_attempts: SignInAttemptsTable;
  classes: ClassesTable;
  class_members: ClassMembersTable;
  assignments: AssignmentsTable;
  lesson_progress: LessonProgressTable;
};

export type UserRow = Selectable<UsersTable>;
export type ClassRow = Selectable<ClassesTable>;
export type AssignmentRow = Selectable<AssignmentsTable>;
