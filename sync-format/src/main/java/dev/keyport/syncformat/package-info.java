/** Reserved for the shareable team file (document types and JSON form); filled by the team-file issue. */
package dev.keyport.syncformat;
