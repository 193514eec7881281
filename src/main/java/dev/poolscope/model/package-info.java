/** The observable model between engine and views: javafx.beans only, confined to the FX thread. */
package dev.poolscope.model;
